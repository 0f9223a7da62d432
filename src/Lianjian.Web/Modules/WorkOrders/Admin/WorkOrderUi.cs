using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Results;
using MudBlazor;

namespace Lianjian.Web.Modules.WorkOrders.Admin;

/// <summary>How the back office shows an order's status, deadlines and field errors.</summary>
internal static class WorkOrderUi
{
    /// <summary>"剩余 5小时" before the deadline, "已超时 3小时" after it (whole hours; under an hour says so).</summary>
    public static string Countdown(DateTime deadlineUtc, DateTime nowUtc)
    {
        var hours = (deadlineUtc - nowUtc).TotalHours;
        var whole = (int)Math.Floor(Math.Abs(hours));
        var amount = whole == 0 ? "不到1小时" : $"{whole}小时";
        return hours < 0 ? $"已超时 {amount}" : $"剩余 {amount}";
    }

    public static Color StatusColor(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Submitted => Color.Warning,
        WorkOrderStatus.Dispatched => Color.Info,
        WorkOrderStatus.Claimed => Color.Primary,
        WorkOrderStatus.Reopened => Color.Error,
        WorkOrderStatus.Resolved or WorkOrderStatus.Rated => Color.Success,
        WorkOrderStatus.Closed => Color.Dark,
        _ => Color.Default,
    };

    public static string EscalationLabel(int level, string? name = null) => name is { Length: > 0 } ? $"督办{level}级 · {name}" : $"督办{level}级";

    public static bool Has(this Error? error, string field) => error?.Fields?.ContainsKey(field) == true;

    public static string? Field(this Error? error, string field) =>
        error?.Fields is { } fields && fields.TryGetValue(field, out var messages) ? string.Join("；", messages) : null;

    public static DialogOptions DialogOptions(MaxWidth width = MaxWidth.Small) =>
        new() { MaxWidth = width, FullWidth = true, CloseButton = true, BackdropClick = false };

    public static readonly System.Globalization.CultureInfo Chinese = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Photos chosen in a <see cref="PhotoPicker"/>, checked like the API's uploads (count, size, real type).</summary>
    public static Task<Result<IReadOnlyList<CheckedFile>>> CheckAsync(IReadOnlyList<PhotoPicker.Chosen> photos, CancellationToken ct = default) =>
        WorkOrderPhotos.CheckAsync([.. photos.Select(p => ((Stream)new MemoryStream(p.Content), (string?)p.Name))], ct);
}
