namespace Lianjian.Web.Ui.Shared;

/// <summary>Stored times are UTC; people read China time (DESIGN: store UTC, show Asia/Shanghai).</summary>
public static class ChinaTime
{
    // China has kept UTC+8 without daylight saving since 1991, so a fixed offset needs no time-zone database.
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    /// <summary>The UTC instant at which a China calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateTime chinaDate) => DateTime.SpecifyKind(chinaDate.Date - Offset, DateTimeKind.Utc);

    public static string Minutes(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd HH:mm");

    public static string Seconds(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd HH:mm:ss");

    public static string Date(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd");

    public static string Date(DateOnly? date, string empty = "—") => date?.ToString("yyyy-MM-dd") ?? empty;

    public static string LongDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
