using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>退单: whoever it was sent to (or who handles it) gives it back, with a reason, to be dispatched again.</summary>
public sealed class ReturnWorkOrder(WorkOrderMoves moves)
{
    public async Task<Result<WorkOrderStep>> ExecuteAsync(long id, NoteInput input, CancellationToken ct = default)
    {
        var reason = input.Check("退单理由", required: true);
        if (!reason.IsSuccess) return reason.Error;
        return await moves.ByStaffAsync(id, WorkOrderAction.Return, (order, actor, who, now) => Task.FromResult(order.Return(actor, who, reason.Value!, now)), null, ct);
    }
}
