using System.Globalization;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.Api;

/// <summary>
/// Actions that may carry photos accept JSON or multipart/form-data (fields by the JSON names, files as <c>photos</c>).
/// Reads and checks the photos before anything is written.
/// </summary>
public static class WorkOrderForms
{
    /// <summary>Six photos of at most 5 MB each, plus the fields.</summary>
    public const long MaxRequestBytes = WorkOrder.MaxPhotos * WorkOrderPhotos.MaxBytes + 256 * 1024;

    public static bool IsForm(HttpRequest request) => request.HasFormContentType;

    public static async Task<Result<(IFormCollection Form, IReadOnlyList<CheckedFile> Photos)>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Error.Validation("request.bad_form", "表单内容无法读取（可能超出大小限制或格式有误）。");
        }

        if (form.Files.Count > WorkOrder.MaxPhotos) return WorkOrderPhotoErrors.TooMany;
        var uploads = new List<(Stream, string?)>();
        try
        {
            foreach (var file in form.Files) uploads.Add((file.OpenReadStream(), file.FileName));
            var photos = await WorkOrderPhotos.CheckAsync(uploads, ct);
            return photos.IsSuccess ? (form, photos.Value) : photos.Error;
        }
        finally
        {
            foreach (var (stream, _) in uploads) await stream.DisposeAsync();
        }
    }

    public static string? Text(this IFormCollection form, string name) =>
        form.TryGetValue(name, out var v) ? v.ToString() : null;

    public static Result<Guid?> Guid(this IFormCollection form, string name, string label)
    {
        var text = form.Text(name);
        if (string.IsNullOrWhiteSpace(text)) return (Guid?)null;
        return System.Guid.TryParse(text, out var g) ? g : Error.Validation("request.bad_field", $"{label}格式不正确。", new Dictionary<string, string[]> { [name] = [$"{label}格式不正确。"] });
    }

    public static Result<double?> Double(this IFormCollection form, string name, string label)
    {
        var text = form.Text(name);
        if (string.IsNullOrWhiteSpace(text)) return (double?)null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d
            : Error.Validation("request.bad_field", $"{label}须是数字。", new Dictionary<string, string[]> { [name] = [$"{label}须是数字。"] });
    }
}
