namespace Lianjian.Web.Platform.Calendar;

/// <summary>
/// Dates people mean are China dates (DESIGN: store UTC, show China time). China Standard Time is UTC+8 all year
/// (no daylight saving since 1991), so a fixed offset is exact for every date the platform records.
/// </summary>
public static class ChinaClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>A time with an offset or "Z" is exact; a time without one (a date picker's value) is read as China time.</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value - Offset, DateTimeKind.Utc),
    };

    /// <summary>The UTC instant at which <paramref name="date"/> begins in China (00:00 +08:00): for "on or after" / "before" ranges of dates.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Offset;

    /// <summary>A stored UTC time as China wall-clock time.</summary>
    public static DateTime ToChina(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset;

    public static bool IsPlausible(DateOnly date) => date.Year is >= 1949 and <= 2100;
}
