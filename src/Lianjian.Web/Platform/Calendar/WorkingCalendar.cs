namespace Lianjian.Web.Platform.Calendar;

/// <summary>What a date is in the published schedule: a statutory holiday (休) or a make-up working day (调休上班).</summary>
public enum CalendarDayKind
{
    Holiday,
    Workday,
}

public static class CalendarDayKindLabels
{
    public static string Label(this CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? "放假" : "调休上班";
}

public enum TimeLimitUnit
{
    /// <summary>Clock hours: they run day and night, holidays included ("answers within 6 hours").</summary>
    Hours,

    /// <summary>Working days: time passes only on working days (China dates).</summary>
    WorkingDays,
}

/// <summary>A time limit as a category states it: 6 hours, 3 working days.</summary>
public readonly record struct TimeLimit(int Amount, TimeLimitUnit Unit)
{
    public const int MaxHours = 24 * 365;
    public const int MaxWorkingDays = 250;

    public static TimeLimit InHours(int hours) => new(hours, TimeLimitUnit.Hours);

    public static TimeLimit InWorkingDays(int days) => new(days, TimeLimitUnit.WorkingDays);

    public bool IsValid => Amount > 0 && Amount <= (Unit == TimeLimitUnit.Hours ? MaxHours : MaxWorkingDays);

    public string Label => Unit == TimeLimitUnit.Hours ? $"{Amount}小时" : $"{Amount}个工作日";
}

/// <summary>
/// The working-day calendar (DESIGN: kept as data). A date is a working day when the published schedule says 调休上班,
/// is not one when it says 休, and otherwise is Monday–Friday. Years whose schedule has not been entered are
/// <see cref="HasSchedule">flagged</see>, never guessed: their dates fall back to Monday–Friday and callers show a warning.
/// Pure and immutable: the database-backed source builds one and shares it.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _days;
    private readonly HashSet<int> _scheduledYears;

    public WorkingCalendar(IEnumerable<KeyValuePair<DateOnly, CalendarDayKind>> days, IEnumerable<int> scheduledYears)
    {
        _days = new Dictionary<DateOnly, CalendarDayKind>(days);
        _scheduledYears = [.. scheduledYears];
    }

    /// <summary>Monday–Friday only: what a calendar with nothing entered answers.</summary>
    public static WorkingCalendar Empty { get; } = new([], []);

    public bool HasSchedule(int year) => _scheduledYears.Contains(year);

    /// <summary>The years whose schedule has been entered, in order.</summary>
    public IReadOnlyList<int> ScheduledYears => [.. _scheduledYears.Order()];

    public CalendarDayKind? KindOf(DateOnly date) => _days.TryGetValue(date, out var kind) ? kind : null;

    public bool IsWorkingDay(DateOnly date) => _days.TryGetValue(date, out var kind)
        ? kind == CalendarDayKind.Workday
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// When a limit that starts at <paramref name="startUtc"/> runs out (UTC). Hours: plain clock time. Working days:
    /// the clock runs only during working days (China dates), so 1 working day from Friday 15:00 ends Monday 15:00, and
    /// from a Saturday it ends at 24:00 of the next working day.
    /// </summary>
    public DateTime Deadline(DateTime startUtc, TimeLimit limit)
    {
        if (!limit.IsValid) throw new ArgumentOutOfRangeException(nameof(limit), limit, "时限不在允许范围内。");
        var start = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        if (limit.Unit == TimeLimitUnit.Hours) return start.AddHours(limit.Amount);

        var cursor = start + ChinaClock.Offset; // China wall time, as a plain number line
        var remaining = TimeSpan.FromDays(limit.Amount);
        for (var guard = 0; guard < 5 * 366; guard++)
        {
            var nextMidnight = cursor.Date.AddDays(1);
            if (IsWorkingDay(DateOnly.FromDateTime(cursor)))
            {
                var available = nextMidnight - cursor;
                if (remaining <= available) return DateTime.SpecifyKind(cursor + remaining - ChinaClock.Offset, DateTimeKind.Utc);
                remaining -= available;
            }

            cursor = nextMidnight;
        }

        throw new InvalidOperationException("工作日历在五年内没有足够的工作日。");
    }

    /// <summary>Working time that passed between two instants (for "overdue by"): clock time for hours, working-day time otherwise.</summary>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc) return TimeSpan.Zero;
        var cursor = fromUtc + ChinaClock.Offset;
        var end = toUtc + ChinaClock.Offset;
        var total = TimeSpan.Zero;
        while (cursor < end)
        {
            var next = cursor.Date.AddDays(1);
            if (next > end) next = end;
            if (IsWorkingDay(DateOnly.FromDateTime(cursor))) total += next - cursor;
            cursor = next;
        }

        return total;
    }
}

/// <summary>The current working calendar (built from the stored schedule and cached).</summary>
public interface IWorkingCalendarSource
{
    Task<WorkingCalendar> GetAsync(CancellationToken ct = default);
}

