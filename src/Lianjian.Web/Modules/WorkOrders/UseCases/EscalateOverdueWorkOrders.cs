using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>
/// 逐级督办: moves every overdue open order one level up its category's ladder when that level is due
/// (<see cref="EscalationLadder.NextLevel"/>), writes the step and notifies the level's target, one order per
/// transaction. Two runners at once (two app nodes) cannot both move the same order: the order's version lets one
/// UPDATE through and the other finds nothing to do, so no level — and no notification — is written twice.
/// </summary>
public sealed class EscalateOverdueWorkOrders(AppDbContext db, WorkOrderRecipients recipients, WorkOrderNotices notices)
{
    public const int BatchSize = 500;

    public sealed record Outcome(int Escalated, int LostRaces);

    public async Task<Outcome> RunAsync(DateTime now, CancellationToken ct = default)
    {
        var ladders = await db.EscalationLadders.AsNoTracking().ToDictionaryAsync(l => l.Id, ct);
        var ladderOf = await db.WorkOrderCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.EscalationLadderId, ct);
        var candidates = await db.WorkOrders.AsNoTracking()
            .Where(WorkOrder.OverdueAt(now))
            .OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.CategoryId, o.EscalationLevel, o.EscalatedAt, o.ResponseDeadline, o.ResolutionDeadline, o.RespondedAt, o.Status })
            .Take(BatchSize * 4).ToListAsync(ct);

        var escalated = 0;
        var lost = 0;
        foreach (var c in candidates)
        {
            if (!ladderOf.TryGetValue(c.CategoryId, out var ladderId) || !ladders.TryGetValue(ladderId, out var ladder)) continue;
            var deadline = c.RespondedAt is null && c.Status.AwaitsResponse() && c.ResponseDeadline < c.ResolutionDeadline ? c.ResponseDeadline : c.ResolutionDeadline;
            var next = ladder.NextLevel(c.EscalationLevel, c.EscalatedAt, deadline, now);
            if (next == c.EscalationLevel) continue;
            if (escalated + lost >= BatchSize) break;
            if (await EscalateOneAsync(c.Id, c.EscalationLevel, next, ladder, now, ct)) escalated++;
            else lost++;
        }

        return new Outcome(escalated, lost);
    }

    private async Task<bool> EscalateOneAsync(long id, int seenLevel, int level, EscalationLadder ladder, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var order = await db.WorkOrders.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || order.EscalationLevel != seenLevel) return false;
        var rung = ladder.Level(level)!;
        var step = order.Escalate(WorkOrderActor.System, level, rung.Name, now);
        if (!step.IsSuccess) return false;
        db.WorkOrderSteps.Add(step.Value);
        var targets = await TargetsAsync(order, rung.Target, ct);
        notices.Send(targets, "work_order.escalated", $"工单超时督办（第{level}级 {rung.Name}）{order.Number}",
            $"工单已超过{(order.RespondedAt is null ? "响应" : "办结")}时限，现升级至“{rung.Name}”，请协调处理：{WorkOrderNotices.Short(order.Description)}",
            $"/admin/work-orders/{order.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<List<Guid>> TargetsAsync(WorkOrder order, EscalationTarget target, CancellationToken ct)
    {
        var org = order.HandlerOrganizationId ?? order.AssigneeOrganizationId ?? order.PlaceOrganizationId;
        switch (target)
        {
            case EscalationTarget.HandlingOrganization:
                var users = await recipients.NearestAdminsAsync(org, 0, ct);
                if (order.HandlerUserId is { } handler) users.Add(handler);
                users.AddRange(await recipients.AccountOfPersonAsync(order.AssigneePersonId, ct));
                return users;
            case EscalationTarget.ParentOrganization:
                return await recipients.NearestAdminsAsync(org, 1, ct);
            case EscalationTarget.GrandparentOrganization:
                return await recipients.NearestAdminsAsync(org, 2, ct);
            default:
                return await recipients.CommitteeOverAsync(order.PlaceOrganizationId, ct);
        }
    }
}
