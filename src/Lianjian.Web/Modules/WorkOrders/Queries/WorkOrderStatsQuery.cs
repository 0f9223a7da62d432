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
/// both ends included), as they stand now. Formulas: docs/kpis.md.
/// </summary>
public sealed class WorkOrderStatsQuery(AppDbContext db, WorkOrderAccess access, TimeProvider clock)
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

        var orders = db.WorkOrders.AsNoTracking();
        string name;
        if (organizationId is { } id)
        {
            var org = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Path, o.Name }).FirstOrDefaultAsync(ct);
            if (org is null || !me.Scope.Covers(org.Path)) return Error.NotFound("organization.not_found", "组织不存在，或不在您的管辖范围内。");
            var subtree = db.Organizations.Under(org.Path).Select(o => o.Id);
            orders = orders.Where(o => subtree.Contains(o.PlaceOrganizationId));
            name = org.Name;
        }
        else if (me.Scope.IsUnrestricted) name = "全部";
        else
        {
            var inScope = db.Organizations.InScope(me.Scope).Select(o => o.Id);
            orders = orders.Where(o => inScope.Contains(o.PlaceOrganizationId));
            name = "本人管辖范围";
        }

        var fromUtc = ChinaClock.StartOfDayUtc(start);
        var toUtc = ChinaClock.StartOfDayUtc(end.AddDays(1));
        orders = orders.Where(o => o.SubmittedAt >= fromUtc && o.SubmittedAt < toUtc);
        var now = clock.GetUtcNow().UtcDateTime;

        var groups = await orders.GroupBy(o => new { o.Status, o.CategoryId }).Select(g => new
        {
            g.Key.Status,
            g.Key.CategoryId,
            Count = g.Count(),
            Responded = g.Count(o => o.RespondedAt != null),
            ResponseSeconds = g.Sum(o => (long?)o.ResponseSeconds) ?? 0,
            Rated = g.Count(o => o.Rating != null),
            Satisfied = g.Count(o => o.Rating >= WorkOrderKpi.SatisfiedFrom),
            OnTime = g.Count(o => o.ResolvedAt != null && o.ResolvedAt <= o.ResolutionDeadline),
            // WorkOrder.OverdueAt's deadline term (an expression cannot be called inside a group); the open-state term is applied below.
            Overdue = g.Count(o => o.ResolutionDeadline < now || (o.RespondedAt == null && o.ResponseDeadline < now)),
        }).ToListAsync(ct);

        var kinds = await db.WorkOrderCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Kind, ct);
        var received = groups.Sum(g => g.Count);
        var rejected = groups.Where(g => g.Status == WorkOrderStatus.Rejected).Sum(g => g.Count);
        var withdrawn = groups.Where(g => g.Status == WorkOrderStatus.Withdrawn).Sum(g => g.Count);
        var valid = groups.Where(g => g.Status is not (WorkOrderStatus.Rejected or WorkOrderStatus.Withdrawn)).ToList();
        var validCount = valid.Sum(g => g.Count);
        var responded = valid.Sum(g => g.Responded);
        var resolvedGroups = valid.Where(g => g.Status is WorkOrderStatus.Resolved or WorkOrderStatus.Rated or WorkOrderStatus.Closed).ToList();
        var resolved = resolvedGroups.Sum(g => g.Count);
        var onTime = resolvedGroups.Sum(g => g.OnTime);
        var rated = valid.Sum(g => g.Rated);
        var satisfied = valid.Sum(g => g.Satisfied);
        var overdue = valid.Where(g => g.Status.IsOpen()).Sum(g => g.Overdue);
        var responseSeconds = valid.Sum(g => g.ResponseSeconds);

        static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        var byKind = Enum.GetValues<CategoryKind>()
            .Select(k => new KindCount(k, k.Label(), valid.Where(g => kinds.GetValueOrDefault(g.CategoryId) == k).Sum(g => g.Count)))
            .ToList();

        return new WorkOrderStats(
            organizationId, name, start, end, received, rejected, withdrawn, validCount, responded, resolved, rated, satisfied, onTime, overdue,
            Rate(responded, validCount), Rate(resolved, validCount), Rate(satisfied, rated),
            responded == 0 ? null : Math.Round(responseSeconds / 3600.0 / responded, 2),
            Rate(onTime, resolved), byKind);
    }
}
