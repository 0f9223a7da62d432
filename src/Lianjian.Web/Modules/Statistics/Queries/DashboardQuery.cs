using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Statistics.Queries;

/// <summary>The figures of one month of the trend, and the same month a year earlier.</summary>
public sealed record MonthTrend(
    int Year, int Month, string Label, int Received, int Valid, int Resolved, int Rated, int Satisfied,
    double? ResolutionRate, double? SatisfactionRate, int LastYearValid, double? LastYearResolutionRate);

/// <summary>One sub-organization's figures for the period, and its place in the ranking (docs/kpis.md "排名").</summary>
public sealed record SubOrganizationFigures(int Rank, string KindLabel, WorkOrderStats Stats);

/// <summary>One category's figures for the period.</summary>
public sealed record CategoryFigures(
    Guid CategoryId, string Name, CategoryKind Kind, string KindLabel, int Valid, int Resolved, int Rated, int Satisfied,
    double? ResolutionRate, double? SatisfactionRate);

/// <summary>
/// 统计看板 for one subtree and period: the KPIs with the same period last year (同比) and one quarter earlier (环比), the
/// monthly trend, the ranking of the sub-organizations, the busiest categories and the most overdue orders.
/// </summary>
public sealed record Dashboard(
    Guid? OrganizationId,
    string OrganizationName,
    DateOnly From,
    DateOnly To,
    WorkOrderStats Current,
    WorkOrderStats LastYear,
    WorkOrderStats LastQuarter,
    IReadOnlyList<MonthTrend> Trend,
    IReadOnlyList<SubOrganizationFigures> SubOrganizations,
    IReadOnlyList<CategoryFigures> BusiestCategories,
    IReadOnlyList<WorkOrderRow> Overdue,
    DateTime GeneratedAt);

/// <summary>
/// The dashboard's figures, all from the roll-ups (<see cref="WorkOrderDailyStat"/>): one read of the target's day rows
/// covers the period and both comparisons, one read of the children's rows the ranking, one read of the open overdue
/// orders every 超时在办. Formulas: docs/kpis.md.
/// </summary>
public sealed class DashboardQuery(AppDbContext db, WorkOrderStatsQuery stats, WorkOrdersQuery orders, CategoryCache categories, TimeProvider clock)
{
    public const int BusiestCount = 10;
    public const int OverdueCount = 10;

    public async Task<Result<Dashboard>> GetAsync(Guid? organizationId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var read = await ReadAsync(organizationId, from, to, null, ct);
        return read.IsSuccess ? read.Value.Dashboard : read.Error;
    }

    /// <summary>
    /// The dashboard and the day rows it was made from, read back to <paramref name="readFrom"/> at least (the big screen
    /// draws its twelve-month trend from the same read).
    /// </summary>
    public async Task<Result<(Dashboard Dashboard, StatsTarget Target, List<DayFigures> Days)>> ReadAsync(
        Guid? organizationId, DateOnly? from, DateOnly? to, DateOnly? readFrom, CancellationToken ct = default)
    {
        var period = stats.Period(from, to);
        if (!period.IsSuccess) return period.Error;
        var target = await stats.TargetAsync(organizationId, ct);
        if (!target.IsSuccess) return target.Error;
        var t = target.Value;
        var (start, end) = period.Value;
        var lastYear = ComparisonPeriods.LastYear(start, end);
        var lastQuarter = ComparisonPeriods.LastQuarter(start, end);

        var first = lastYear.From < lastQuarter.From ? lastYear.From : lastQuarter.From;
        if (readFrom < first) first = readFrom.Value;
        var days = await stats.DaysAsync(t, first, end, ct);
        var overdue = await stats.OverdueAsync(t, ct);
        var current = await stats.ComposeAsync(t, start, end, days, overdue, ct);
        var previousYear = await stats.ComposeAsync(t, lastYear.From, lastYear.To, days, overdue, ct);
        var previousQuarter = await stats.ComposeAsync(t, lastQuarter.From, lastQuarter.To, days, overdue, ct);

        var subOrganizations = await SubOrganizationsAsync(t, start, end, overdue, ct);
        var busiest = await BusiestAsync(days, start, end, ct);
        // The most overdue: the first of the overdue orders already read (most overdue first), not a second walk.
        var overdueList = await orders.RowsAsync([.. overdue.Take(OverdueCount).Select(o => o.Id)], ct);

        var dashboard = new Dashboard(
            organizationId, t.Name, start, end, current, previousYear, previousQuarter,
            Trend(days, start, end), subOrganizations, busiest,
            overdueList,
            clock.GetUtcNow().UtcDateTime);
        return (dashboard, t, days);
    }

    /// <summary>
    /// The organizations one level down: the target's children, or — for a whole scope of several subtrees — the tops
    /// of those subtrees; ranked by 解决率, then 满意率, then 按时办结率 (no valid orders: last).
    /// </summary>
    public async Task<List<SubOrganizationFigures>> SubOrganizationsAsync(
        StatsTarget target, DateOnly start, DateOnly end, IReadOnlyList<OverdueOrder> overdue, CancellationToken ct = default)
    {
        var organizations = db.Organizations.AsNoTracking().Where(o => o.IsActive);
        var parents = target.OrganizationId is { } id ? [id] : target.Roots;
        var level = target.OrganizationId is null && target.Roots.Count > 1
            ? organizations.Where(o => parents.Contains(o.Id))
            : organizations.Where(o => o.ParentId != null && parents.Contains(o.ParentId.Value));
        var subs = await level.OrderBy(o => o.SortOrder).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Kind, o.Path }).ToListAsync(ct);
        if (subs.Count == 0) return [];

        var ids = subs.Select(s => s.Id).ToList();
        var sums = (await WorkOrderStatsQuery.SumAsync(
                db.WorkOrderDailyStats.AsNoTracking().Where(s => ids.Contains(s.OrganizationId) && s.Day >= start && s.Day <= end), s => s.OrganizationId, ct))
            .ToDictionary(r => r.Key, r => r.Figures);

        var (fromUtc, toUtc) = (ChinaClock.StartOfDayUtc(start), ChinaClock.StartOfDayUtc(end.AddDays(1)));
        var inPeriod = overdue.Where(o => o.SubmittedAt >= fromUtc && o.SubmittedAt < toUtc).ToList();
        var figures = subs.Select(s => (Kind: s.Kind, Stats: WorkOrderStatsQuery.Compose(
            s.Id, s.Name, start, end, sums.GetValueOrDefault(s.Id),
            inPeriod.Count(o => o.PlacePath.StartsWith(s.Path, StringComparison.Ordinal)), [])));
        return [.. Rank(figures, f => f.Stats).Select(r => new SubOrganizationFigures(r.Rank, r.Item.Kind.Label(), r.Item.Stats))];
    }

    /// <summary>The ranking rule of docs/kpis.md: 解决率, then 满意率, then 按时办结率, higher first; no valid orders last; ties share a rank.</summary>
    public static IEnumerable<(int Rank, T Item)> Rank<T>(IEnumerable<T> items, Func<T, WorkOrderStats> figures)
    {
        var ordered = items
            .OrderBy(i => figures(i).Valid == 0)
            .ThenByDescending(i => figures(i).ResolutionRate ?? -1)
            .ThenByDescending(i => figures(i).SatisfactionRate ?? -1)
            .ThenByDescending(i => figures(i).OnTimeRate ?? -1)
            .ThenByDescending(i => figures(i).Valid)
            .ToList();
        var rank = 0;
        (bool, double?, double?, double?)? previous = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var key = Key(figures(ordered[i]));
            if (previous != key) rank = i + 1;
            previous = key;
            yield return (rank, ordered[i]);
        }

        static (bool, double?, double?, double?) Key(WorkOrderStats s) => (s.Valid == 0, s.ResolutionRate, s.SatisfactionRate, s.OnTimeRate);
    }

    private async Task<List<CategoryFigures>> BusiestAsync(IReadOnlyList<DayFigures> days, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var byCategory = days.Where(d => d.Day >= start && d.Day <= end)
            .GroupBy(d => d.CategoryId)
            .Select(g => (Id: g.Key, Figures: g.Aggregate(WorkOrderContribution.Zero, (a, d) => a + d.Figures)))
            .Where(c => c.Figures.Valid > 0)
            .OrderByDescending(c => c.Figures.Valid)
            .Take(BusiestCount)
            .ToList();
        var known = await categories.AllAsync(byCategory.Select(c => c.Id), ct);
        return [.. byCategory.Select(c =>
        {
            var category = known.GetValueOrDefault(c.Id);
            var kind = category?.Kind ?? CategoryKind.ConvenienceItem;
            return new CategoryFigures(c.Id, category?.Name ?? "（已删除的类别）", kind, kind.Label(), c.Figures.Valid, c.Figures.Resolved,
                c.Figures.Rated, c.Figures.Satisfied,
                WorkOrderStatsQuery.Rate(c.Figures.Resolved, c.Figures.Valid), WorkOrderStatsQuery.Rate(c.Figures.Satisfied, c.Figures.Rated));
        })];
    }

    /// <summary>Per calendar month touched by the period (its part inside the period), beside the same part a year earlier.</summary>
    public static List<MonthTrend> Trend(IReadOnlyList<DayFigures> days, DateOnly start, DateOnly end)
    {
        var months = new List<MonthTrend>();
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
        {
            var from = month < start ? start : month;
            var last = month.AddMonths(1).AddDays(-1);
            var to = last > end ? end : last;
            var now = Sum(days, from, to);
            var before = Sum(days, from.AddYears(-1), to.AddYears(-1));
            months.Add(new MonthTrend(month.Year, month.Month, $"{month.Year}年{month.Month}月", now.Received, now.Valid, now.Resolved, now.Rated, now.Satisfied,
                WorkOrderStatsQuery.Rate(now.Resolved, now.Valid), WorkOrderStatsQuery.Rate(now.Satisfied, now.Rated),
                before.Valid, WorkOrderStatsQuery.Rate(before.Resolved, before.Valid)));
        }

        return months;
    }

    private static WorkOrderContribution Sum(IReadOnlyList<DayFigures> days, DateOnly from, DateOnly to)
    {
        var sum = WorkOrderContribution.Zero;
        foreach (var d in days)
        {
            if (d.Day >= from && d.Day <= to) sum += d.Figures;
        }

        return sum;
    }
}

/// <summary>The comparison periods of docs/kpis.md: 同比 (a year earlier) and 环比 (a quarter earlier).</summary>
public static class ComparisonPeriods
{
    public static (DateOnly From, DateOnly To) LastYear(DateOnly from, DateOnly to) => (Shift(from, -12, false), Shift(to, -12, true));

    public static (DateOnly From, DateOnly To) LastQuarter(DateOnly from, DateOnly to) => (Shift(from, -3, false), Shift(to, -3, true));

    /// <summary>
    /// Moves a date by whole months; an end date on the last day of its month stays on the last day (30 June − 3 months is
    /// 31 March, so a quarter maps to a quarter).
    /// </summary>
    public static DateOnly Shift(DateOnly date, int months, bool isEnd)
    {
        var shifted = date.AddMonths(months);
        var lastOfMonth = date.AddDays(1).Day == 1;
        return isEnd && lastOfMonth ? new DateOnly(shifted.Year, shifted.Month, DateTime.DaysInMonth(shifted.Year, shifted.Month)) : shifted;
    }
}
