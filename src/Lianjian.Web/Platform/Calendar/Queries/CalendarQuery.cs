using System.Globalization;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform.Calendar.Queries;

public sealed record CalendarDayRow(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>A year as entered: its notice, who entered it, and its dates in order. <c>HasSchedule</c> false: nothing entered.</summary>
public sealed record CalendarYearDetails(int Year, bool HasSchedule, string? Source, DateTime? EnteredAt, string? EnteredByName, IReadOnlyList<CalendarDayRow> Days);

public sealed record CalendarYearStatus(int Year, bool HasSchedule);

/// <summary>The years around today and whether each is entered, with the warnings pages show (<see cref="CalendarQuery.Warning"/>).</summary>
public sealed record CalendarStatus(DateOnly Today, IReadOnlyList<CalendarYearStatus> Years, IReadOnlyList<string> Warnings);

/// <summary>A deadline as the calendar computes it, and the years it crossed whose schedule is not entered.</summary>
public sealed record DeadlinePreview(DateTime StartUtc, string Limit, DateTime DeadlineUtc, IReadOnlyList<int> UnscheduledYears);

/// <summary>What the calendar page, the API and other pages read about the working calendar.</summary>
public sealed class CalendarQuery(AppDbContext db, WorkingCalendarSource source, TimeProvider clock)
{
    /// <summary>The year's entered days, read from the tables (not the cache), so an admin sees their change at once.</summary>
    public async Task<Result<CalendarYearDetails>> YearAsync(int year, CancellationToken ct = default)
    {
        if (!CalendarErrors.IsSupportedYear(year)) return CalendarErrors.YearOutOfRange(year);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var days = await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date)
            .Select(d => new CalendarDayRow(d.Date, d.Kind, d.Name)).ToListAsync(ct);
        var entry = await db.Set<CalendarYear>().AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, ct);
        return new CalendarYearDetails(year, entry is not null, entry?.Source, entry?.EnteredAt, entry?.EnteredByName, days);
    }

    /// <summary>Last year, this year and next year (China dates), from the calendar the deadlines use.</summary>
    public async Task<CalendarStatus> StatusAsync(CancellationToken ct = default)
    {
        var calendar = await source.GetAsync(ct);
        var today = ChinaClock.Today(clock);
        var years = Enumerable.Range(today.Year - 1, 3).Select(y => new CalendarYearStatus(y, calendar.HasSchedule(y))).ToList();
        return new CalendarStatus(today, years, MissingYears(calendar, today).Select(Warning).ToList());
    }

    /// <summary>
    /// The years people must be warned about: this year, and from December on next year too (the State Council
    /// publishes the next year's schedule in the autumn, so by December it should be entered).
    /// </summary>
    public static IReadOnlyList<int> MissingYears(WorkingCalendar calendar, DateOnly today)
    {
        int[] years = today.Month == 12 ? [today.Year, today.Year + 1] : [today.Year];
        return years.Where(y => !calendar.HasSchedule(y)).ToList();
    }

    public static string Warning(int year) => $"{year}年的法定节假日安排尚未录入，期限按周一至周五计算，请在国务院通知发布后录入。";

    /// <summary>
    /// When a time limit starting at <paramref name="from"/> runs out (a time with "Z" or an offset is exact; without
    /// one it is China time), for pages that show a category's limits and for clients that want to check one.
    /// </summary>
    public async Task<Result<DeadlinePreview>> DeadlineAsync(string? from, int? amount, TimeLimitUnit? unit, CancellationToken ct = default)
    {
        var validator = new Validator();
        DateTime start = default;
        if (string.IsNullOrWhiteSpace(from)) validator.Add("from", "请填写起算时间");
        else if (!DateTime.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out start)
                 || !ChinaClock.IsPlausible(DateOnly.FromDateTime(start)))
            validator.Add("from", "起算时间格式不正确（例如 2026-02-13T10:00:00，不带时区按北京时间）");
        validator.Must(unit is not null, "unit", "请选择时限单位（Hours 小时或 WorkingDays 工作日）");
        var limit = new TimeLimit(amount ?? 0, unit ?? TimeLimitUnit.Hours);
        if (unit is not null) validator.Must(limit.IsValid, "amount",
            $"时限应在1到{(limit.Unit == TimeLimitUnit.Hours ? TimeLimit.MaxHours : TimeLimit.MaxWorkingDays)}之间");
        if (!validator.IsValid) return validator.ToError();

        var startUtc = ChinaClock.ToUtc(start);
        var calendar = await source.GetAsync(ct);
        var deadline = calendar.Deadline(startUtc, limit);
        var (firstYear, lastYear) = ((startUtc + ChinaClock.Offset).Year, (deadline + ChinaClock.Offset).Year);
        var unscheduled = Enumerable.Range(firstYear, lastYear - firstYear + 1).Where(y => !calendar.HasSchedule(y)).ToList();
        return new DeadlinePreview(startUtc, limit.Label, deadline, unscheduled);
    }
}
