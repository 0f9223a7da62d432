using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.Queries;

public sealed record KindCount(CategoryKind Kind, string Label, int Count);

/// <summary>The figures of docs/kpis.md for one subtree and period. Rates are fractions (0–1), null when their denominator is 0.</summary>
public sealed record WorkOrderStats(
    Guid? OrganizationId,
    string OrganizationName,
    DateOnly From,
    DateOnly To,
    int Received,
    int Rejected,
    int Withdrawn,
    int Valid,
    int Responded,
    int Resolved,
    int Rated,
    int Satisfied,
    int ResolvedOnTime,
    int OpenOverdue,
    double? ResponseRate,
    double? ResolutionRate,
    double? SatisfactionRate,
    double? AverageResponseHours,
    double? OnTimeRate,
    IReadOnlyList<KindCount> ByKind);

/// <summary>
/// Whose figures are asked for: one organization's subtree (<see cref="Path"/>), or the whole of the user's scope. The
/// roll-up rows of <see cref="Roots"/> hold its summable figures; <see cref="Holds"/> says whether a place (by its ancestor
/// path) lies in it.
/// </summary>
public sealed record StatsTarget(Guid? OrganizationId, string Name, string? Path, IReadOnlyList<Guid> Roots, Func<string, bool> Holds);

/// <summary>The summable figures of the orders submitted on one China day in one category.</summary>
public readonly record struct DayFigures(DateOnly Day, Guid CategoryId, WorkOrderContribution Figures);

/// <summary>An open order past its deadline: its id, that deadline, when it was submitted and the ancestor path of its place.</summary>
public readonly record struct OverdueOrder(long Id, DateTime DueAt, DateTime SubmittedAt, string PlacePath);

/// <summary>
/// 响应率、解决率、满意率、平均响应时长、按时办结率 for the orders placed in a subtree and submitted in a period (China dates,
/// both ends included), as they stand now. Formulas: docs/kpis.md (<see cref="WorkOrderContribution"/>); read from the
/// maintained roll-ups per organization and day (<see cref="WorkOrderDailyStat"/>), so the cost does not grow with the orders.
/// The parts (<see cref="TargetAsync"/>, <see cref="DaysAsync"/>, <see cref="OverdueAsync"/>, <see cref="Compose"/>) are
/// public so that the dashboard computes several periods from one read.
/// </summary>
public sealed class WorkOrderStatsQuery(
    AppDbContext db, WorkOrderAccess access, CategoryCache categories, OpenDeadlines openDeadlines, TimeProvider clock)
{
    public const int MaxDays = 3 * 366;

    public async Task<Result<WorkOrderStats>> GetAsync(Guid? organizationId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var period = Period(from, to);
        if (!period.IsSuccess) return period.Error;
        var target = await TargetAsync(organizationId, ct);
        if (!target.IsSuccess) return target.Error;
        var (start, end) = period.Value;
        var days = await DaysAsync(target.Value, start, end, ct);
        var overdue = await OverdueAsync(target.Value, ct);
        return await ComposeAsync(target.Value, start, end, days, overdue, ct);
    }

    /// <summary>The period asked for: <paramref name="to"/> defaults to today (China), <paramref name="from"/> to 1 January of its year.</summary>
    public Result<(DateOnly From, DateOnly To)> Period(DateOnly? from, DateOnly? to)
    {
        var end = to ?? ChinaClock.Today(clock);
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end) return Error.Validation("stats.bad_period", "开始日期不能晚于结束日期。");
        if (end.DayNumber - start.DayNumber > MaxDays) return Error.Validation("stats.period_too_long", "统计区间最长三年。");
        return (start, end);
    }

    /// <summary>The subtree of <paramref name="organizationId"/> (404 when it is not in the user's scope), else the user's whole scope.</summary>
    public async Task<Result<StatsTarget>> TargetAsync(Guid? organizationId, CancellationToken ct = default)
    {
        var me = await access.MeAsync(ct);
        var organizations = db.Organizations.AsNoTracking();
        if (organizationId is { } id)
        {
            var org = await organizations.Where(o => o.Id == id).Select(o => new { o.Path, o.Name }).FirstOrDefaultAsync(ct);
            if (org is null || !me.Scope.Covers(org.Path)) return Error.NotFound("organization.not_found", "组织不存在，或不在您的管辖范围内。");
            return new StatsTarget(id, org.Name, org.Path, [id], path => path.StartsWith(org.Path, StringComparison.Ordinal));
        }

        if (me.Scope.IsUnrestricted)
        {
            var roots = await organizations.Where(o => o.ParentId == null).Select(o => o.Id).ToListAsync(ct);
            return new StatsTarget(null, "全部", null, roots, _ => true);
        }

        // One subtree (the usual case): named after its top, e.g. 舟山市 for the committee.
        var scopeRoots = WorkOrderRollups.ScopeRoots(me.Scope.Paths);
        var name = scopeRoots.Count == 1
            ? await organizations.Where(o => o.Id == scopeRoots[0]).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "本人管辖范围"
            : "本人管辖范围";
        return new StatsTarget(null, name, null, scopeRoots, me.Scope.Covers);
    }

    /// <summary>The target's roll-up rows between two China dates (both included), summed over its roots per day and category.</summary>
    public async Task<List<DayFigures>> DaysAsync(StatsTarget target, DateOnly start, DateOnly end, CancellationToken ct = default)
    {
        var roots = target.Roots;
        var rows = db.WorkOrderDailyStats.AsNoTracking().Where(s => roots.Contains(s.OrganizationId) && s.Day >= start && s.Day <= end);
        if (roots.Count == 1)
        {
            // One root: its rows are already one per day and category.
            var single = await rows.Select(s => new
            {
                s.Day, s.CategoryId, s.Received, s.Rejected, s.Withdrawn, s.Responded, s.Resolved, s.ResolvedOnTime, s.Rated, s.Satisfied, s.ResponseSeconds,
            }).ToListAsync(ct);
            return [.. single.Select(r => new DayFigures(r.Day, r.CategoryId, new WorkOrderContribution(
                r.Received, r.Rejected, r.Withdrawn, r.Responded, r.Resolved, r.ResolvedOnTime, r.Rated, r.Satisfied, r.ResponseSeconds)))];
        }

        var summed = await SumAsync(rows, s => new { s.Day, s.CategoryId }, ct);
        return [.. summed.Select(r => new DayFigures(r.Key.Day, r.Key.CategoryId, r.Figures))];
    }

    /// <summary>Roll-up rows summed per key, in SQL (one row per key comes back).</summary>
    public static async Task<List<(TKey Key, WorkOrderContribution Figures)>> SumAsync<TKey>(
        IQueryable<WorkOrderDailyStat> rows, System.Linq.Expressions.Expression<Func<WorkOrderDailyStat, TKey>> key, CancellationToken ct)
    {
        var sums = await rows.GroupBy(key).Select(g => new Sums<TKey>
        {
            Key = g.Key,
            Received = g.Sum(s => s.Received),
            Rejected = g.Sum(s => s.Rejected),
            Withdrawn = g.Sum(s => s.Withdrawn),
            Responded = g.Sum(s => s.Responded),
            Resolved = g.Sum(s => s.Resolved),
            ResolvedOnTime = g.Sum(s => s.ResolvedOnTime),
            Rated = g.Sum(s => s.Rated),
            Satisfied = g.Sum(s => s.Satisfied),
            ResponseSeconds = g.Sum(s => s.ResponseSeconds),
        }).ToListAsync(ct);
        return [.. sums.Select(r => (r.Key, new WorkOrderContribution(
            r.Received, r.Rejected, r.Withdrawn, r.Responded, r.Resolved, r.ResolvedOnTime, r.Rated, r.Satisfied, r.ResponseSeconds)))];
    }

    private sealed class Sums<TKey>
    {
        public required TKey Key { get; init; }
        public int Received { get; init; }
        public int Rejected { get; init; }
        public int Withdrawn { get; init; }
        public int Responded { get; init; }
        public int Resolved { get; init; }
        public int ResolvedOnTime { get; init; }
        public int Rated { get; init; }
        public int Satisfied { get; init; }
        public long ResponseSeconds { get; init; }
    }

    /// <summary>
    /// 超时在办 depends on the clock, so it is counted live: the open orders placed in the target that are past their
    /// deadline now, most overdue first, whatever their submission day — callers pick a period's.
    /// </summary>
    public async Task<List<OverdueOrder>> OverdueAsync(StatsTarget target, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // From the shared copy of the open orders' deadlines (docs/decisions/0012): no lookup per order in SQL, and no
        // reading of every open overdue order of the database on each call (≈ 45 ms a call at 15,000 of them).
        var overdue = new List<OverdueOrder>();
        foreach (var o in await openDeadlines.OverdueAsync(now, ct))
        {
            if (target.Holds(o.PlacePath)) overdue.Add(new OverdueOrder(o.Id, o.DueAt, o.SubmittedAt, o.PlacePath));
        }

        return overdue;
    }

    /// <summary>Counts the overdue orders submitted between two China dates (both included).</summary>
    public static int OverdueIn(IEnumerable<OverdueOrder> overdue, DateOnly start, DateOnly end)
    {
        var fromUtc = ChinaClock.StartOfDayUtc(start);
        var toUtc = ChinaClock.StartOfDayUtc(end.AddDays(1));
        return overdue.Count(o => o.SubmittedAt >= fromUtc && o.SubmittedAt < toUtc);
    }

    /// <summary>The figures of one period from the target's day rows (rows outside the period are skipped) and overdue orders.</summary>
    public async Task<WorkOrderStats> ComposeAsync(
        StatsTarget target, DateOnly start, DateOnly end, IEnumerable<DayFigures> days, IEnumerable<OverdueOrder> overdue, CancellationToken ct = default)
    {
        var byCategory = new Dictionary<Guid, WorkOrderContribution>();
        foreach (var d in days)
        {
            if (d.Day < start || d.Day > end) continue;
            byCategory[d.CategoryId] = byCategory.GetValueOrDefault(d.CategoryId) + d.Figures;
        }

        var known = await categories.AllAsync(byCategory.Keys, ct);
        var byKind = Enum.GetValues<CategoryKind>()
            .Select(k => new KindCount(k, k.Label(), byCategory.Where(c => known.GetValueOrDefault(c.Key)?.Kind == k).Sum(c => c.Value.Valid)))
            .ToList();
        var total = byCategory.Values.Aggregate(WorkOrderContribution.Zero, (a, b) => a + b);
        return Compose(target.OrganizationId, target.Name, start, end, total, OverdueIn(overdue, start, end), byKind);
    }

    /// <summary>The rates of docs/kpis.md from summed figures.</summary>
    public static WorkOrderStats Compose(
        Guid? organizationId, string name, DateOnly start, DateOnly end, WorkOrderContribution t, int openOverdue, IReadOnlyList<KindCount> byKind) =>
        new(organizationId, name, start, end, t.Received, t.Rejected, t.Withdrawn, t.Valid, t.Responded, t.Resolved, t.Rated, t.Satisfied,
            t.ResolvedOnTime, openOverdue,
            Rate(t.Responded, t.Valid), Rate(t.Resolved, t.Valid), Rate(t.Satisfied, t.Rated),
            t.Responded == 0 ? null : Math.Round(t.ResponseSeconds / 3600.0 / t.Responded, 2),
            Rate(t.ResolvedOnTime, t.Resolved), byKind);

    /// <summary>part ÷ whole to four places; null when nothing is in the denominator.</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
