using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Results;
using MudBlazor;

namespace Lianjian.Web.Modules.Alliances.Admin;

/// <summary>A use case's field messages (Validator's field names are the input record's property names), shown beside the field.</summary>
internal static class FormErrors
{
    public static bool Has(this Error? error, string field) => error?.Fields?.ContainsKey(field) == true;

    public static string? Field(this Error? error, string field) =>
        error?.Fields is { } fields && fields.TryGetValue(field, out var messages) ? string.Join("；", messages) : null;

    public static DateOnly? ToDateOnly(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    /// <summary>Today in China, as a date picker's value.</summary>
    public static DateTime Today(TimeProvider clock) => ChinaClock.Today(clock).ToDateTime(TimeOnly.MinValue);

    public static readonly System.Globalization.CultureInfo Chinese = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");

    public static DialogOptions FormOptions(MaxWidth width = MaxWidth.Small) =>
        new() { MaxWidth = width, FullWidth = true, CloseButton = true, BackdropClick = false };
}
