using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>驳回: an admin rejects an invalid order (a duplicate, not a service the platform gives …) with a reason the requester sees.</summary>
public sealed class RejectWorkOrder(WorkOrderMoves moves)
{
    public async Task<Result<WorkOrderStep>> ExecuteAsync(long id, NoteInput input, CancellationToken ct = default)
    {
        var reason = input.Check("驳回理由", required: true);
        if (!reason.IsSuccess) return reason.Error;
        return await moves.ByStaffAsync(id, WorkOrderAction.Reject, (order, actor, who, now) => Task.FromResult(order.Reject(actor, who, reason.Value!, now)), null, ct);
    }
}
