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
/// 响应率、解决率、满意率、平均响应时长、按时办结率 for the orders placed in a subtree and submitted in a period (China dates,
/// both ends included), as they stand now. Formulas: docs/kpis.md (<see cref="WorkOrderContribution"/>); read from the
/// maintained roll-ups per organization and day (<see cref="WorkOrderDailyStat"/>), so the cost does not grow with the orders.
/// </summary>
public sealed class WorkOrderStatsQuery(AppDbContext db, WorkOrderAccess access, CategoryCache categories, TimeProvider clock)
{
    public const int MaxDays = 3 * 366;

    public async Task<Result<WorkOrderStats>> GetAsync(Guid? organizationId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var me = await access.MeAsync(ct);
        var today = ChinaClock.Today(clock);
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end) return Error.Validation("stats.bad_period", "开始日期不能晚于结束日期。");
        if (end.DayNumber - start.DayNumber > MaxDays) return Error.Validation("stats.period_too_long", "统计区间最长三年。");

        // The summable figures: the roll-up rows of the organizations whose subtrees are asked for (WorkOrderDailyStat).
        var overdueOrders = db.WorkOrders.AsNoTracking();
        List<Guid> roots;
        string name;
        if (organizationId is { } id)
        {
            var org = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Path, o.Name }).FirstOrDefaultAsync(ct);
            if (org is null || !me.Scope.Covers(org.Path)) return Error.NotFound("organization.not_found", "组织不存在，或不在您的管辖范围内。");
            roots = [id];
            // A per-row check (EXISTS on the organization's key), so the engine walks the DueAt index of the few open
            // orders instead of the subtree's whole history through the place index (as the overdue list does).
            var places = db.Organizations.Under(org.Path);
            overdueOrders = overdueOrders.Where(o => places.Any(x => x.Id == o.PlaceOrganizationId));
            name = org.Name;
        }
        else if (me.Scope.IsUnrestricted)
        {
            roots = await db.Organizations.AsNoTracking().Where(o => o.ParentId == null).Select(o => o.Id).ToListAsync(ct);
            name = "全部";
        }
        else
        {
            roots = WorkOrderRollups.ScopeRoots(me.Scope.Paths);
            var inScope = db.Organizations.InScope(me.Scope);
            overdueOrders = overdueOrders.Where(o => inScope.Any(x => x.Id == o.PlaceOrganizationId));
            name = "本人管辖范围";
        }

        var rows = await db.WorkOrderDailyStats.AsNoTracking()
            .Where(s => roots.Contains(s.OrganizationId) && s.Day >= start && s.Day <= end)
            .GroupBy(s => s.CategoryId)
            .Select(g => new
            {
                CategoryId = g.Key,
                Received = g.Sum(s => s.Received),
                Rejected = g.Sum(s => s.Rejected),
                Withdrawn = g.Sum(s => s.Withdrawn),
                Responded = g.Sum(s => s.Responded),
                Resolved = g.Sum(s => s.Resolved),
                ResolvedOnTime = g.Sum(s => s.ResolvedOnTime),
                Rated = g.Sum(s => s.Rated),
                Satisfied = g.Sum(s => s.Satisfied),
                ResponseSeconds = g.Sum(s => s.ResponseSeconds),
            })
            .ToListAsync(ct);
        var byCategory = rows.ToDictionary(r => r.CategoryId, r => new WorkOrderContribution(
            r.Received, r.Rejected, r.Withdrawn, r.Responded, r.Resolved, r.ResolvedOnTime, r.Rated, r.Satisfied, r.ResponseSeconds));
        var total = byCategory.Values.Aggregate(WorkOrderContribution.Zero, (a, b) => a + b);

        // 超时在办 depends on the clock: counted live from the overdue orders (few, read through the DueAt index).
        var fromUtc = ChinaClock.StartOfDayUtc(start);
        var toUtc = ChinaClock.StartOfDayUtc(end.AddDays(1));
        var now = clock.GetUtcNow().UtcDateTime;
        // The period is applied here, not in SQL: with it in the query the engine reads the period's orders through the
        // SubmittedAt index (≈ 180 ms for a county-year at 1M orders) instead of the overdue ones through DueAt (≈ 20 ms).
        var overdueSubmitted = await overdueOrders.Where(WorkOrder.OverdueAt(now)).Select(o => o.SubmittedAt).ToListAsync(ct);
        var overdue = overdueSubmitted.Count(at => at >= fromUtc && at < toUtc);

        var known = await categories.AllAsync(byCategory.Keys, ct);
        var (received, rejected, withdrawn, validCount) = (total.Received, total.Rejected, total.Withdrawn, total.Valid);
        var (responded, resolved, onTime, rated, satisfied, responseSeconds) =
            (total.Responded, total.Resolved, total.ResolvedOnTime, total.Rated, total.Satisfied, total.ResponseSeconds);

        static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        var byKind = Enum.GetValues<CategoryKind>()
            .Select(k => new KindCount(k, k.Label(), byCategory.Where(c => known.GetValueOrDefault(c.Key)?.Kind == k).Sum(c => c.Value.Valid)))
            .ToList();

        return new WorkOrderStats(
            organizationId, name, start, end, received, rejected, withdrawn, validCount, responded, resolved, rated, satisfied, onTime, overdue,
            Rate(responded, validCount), Rate(resolved, validCount), Rate(satisfied, rated),
            responded == 0 ? null : Math.Round(responseSeconds / 3600.0 / responded, 2),
            Rate(onTime, resolved), byKind);
    }
}
