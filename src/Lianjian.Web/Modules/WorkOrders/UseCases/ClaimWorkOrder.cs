using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>
/// 接单 / 抢单: the member it was sent to, a member of the organization whose pool it is in, or an admin of that
/// organization (for the organization). Many may try at once: the order's version lets exactly one win; the others get
/// <see cref="WorkOrderErrors.AlreadyClaimed"/>.
/// </summary>
public sealed class ClaimWorkOrder(WorkOrderMoves moves, WorkOrderAccess access)
{
    public async Task<Result<WorkOrderStep>> ExecuteAsync(long id, CancellationToken ct = default)
    {
        var me = await access.MeAsync(ct);
        return await moves.ByStaffAsync(id, WorkOrderAction.Claim, (order, actor, who, now) =>
        {
            // A member claims as themself (sent to them, or grabbed from the pool); an admin claims for the assignee organization.
            var asMember = me.PersonId is not null && (order.AssigneePersonId == me.PersonId || order.IsPooled);
            return Task.FromResult(order.Claim(actor, who, asMember ? me.PersonId : null, order.AssigneeOrganizationId ?? order.PlaceOrganizationId, now));
        }, null, ct);
    }
}
