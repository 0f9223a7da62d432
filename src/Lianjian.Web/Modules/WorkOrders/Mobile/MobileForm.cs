using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.Mobile;

/// <summary>
/// What a phone form shows after a refused post: the message next to each field (the use cases name fields in either
/// case, "Description" or "categoryId") and a general line for the rest.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _fields;

    private FieldErrors(string? general, IReadOnlyDictionary<string, string[]>? fields)
    {
        General = general;
        _fields = new Dictionary<string, string[]>(fields ?? new Dictionary<string, string[]>(), StringComparer.OrdinalIgnoreCase);
    }

    public static FieldErrors None { get; } = new(null, null);

    public string? General { get; }

    public bool Any => General is not null || _fields.Count > 0;

    /// <param name="shownFields">The fields the form shows a message beside; when every field in error is among them, the
    /// top line only asks to correct them instead of repeating each message.</param>
    public static FieldErrors From(Error error, params string[] shownFields)
    {
        var fields = error.Fields ?? new Dictionary<string, string[]>();
        var allShown = fields.Count > 0 && fields.Keys.All(k => shownFields.Contains(k, StringComparer.OrdinalIgnoreCase));
        return new FieldErrors(allShown ? "请按提示修改后再提交。" : error.Message, fields);
    }

    public static FieldErrors Field(string field, string message) =>
        new("请按提示修改后再提交。", new Dictionary<string, string[]> { [field] = [message] });

    public string? For(string field) => _fields.TryGetValue(field, out var messages) ? string.Join("；", messages) : null;
}

public static class MobileForm
{
    /// <summary>
    /// Answers 404 with the page's own friendly text. A component that sets 404 while rendering gets an empty body in
    /// .NET 10 (the framework leaves 404s to a Router-wide not-found page), so the status is set as the headers go out.
    /// </summary>
    public static void NotFound(HttpContext http)
    {
        if (http.Response.HasStarted || http.Items.ContainsKey(typeof(MobileForm))) return;
        http.Items[typeof(MobileForm)] = true;
        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    /// <summary>The <c>_handler</c> of the form being posted, so a page still renders that form (and runs its handler) when the order has moved on meanwhile.</summary>
    public static string? PostedHandler(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType && http.Request.Form.TryGetValue("_handler", out var h) ? h.ToString() : null;

    /// <summary>The photos of the posted form (field <c>photos</c>), checked by <see cref="WorkOrderPhotos.CheckAsync"/>. An empty file input sends nothing.</summary>
    public static async Task<Result<IReadOnlyList<CheckedFile>>> PhotosAsync(HttpContext http, CancellationToken ct = default)
    {
        if (!http.Request.HasFormContentType) return Array.Empty<CheckedFile>();
        var files = http.Request.Form.Files.GetFiles("photos").Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (files.Count == 0) return Array.Empty<CheckedFile>();
        var uploads = files.Select(f => (f.OpenReadStream(), (string?)f.FileName)).ToList();
        try
        {
            return await WorkOrderPhotos.CheckAsync(uploads, ct);
        }
        finally
        {
            foreach (var (stream, _) in uploads) await stream.DisposeAsync();
        }
    }
}
