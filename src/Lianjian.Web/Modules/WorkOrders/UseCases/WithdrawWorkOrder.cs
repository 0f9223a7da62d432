using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>撤回: the requester takes the order back before anyone has claimed it.</summary>
public sealed class WithdrawWorkOrder(WorkOrderMoves moves)
{
    public Task<Result<WorkOrderStep>> ExecuteAsync(long id, NoteInput input, CancellationToken ct = default) =>
        Run(input, move => moves.ByStaffAsync(id, WorkOrderAction.Withdraw, move, null, ct));

    public Task<Result<WorkOrderStep>> ByTokenAsync(string token, NoteInput input, CancellationToken ct = default) =>
        Run(input, move => moves.ByTokenAsync(token, WorkOrderAction.Withdraw, move, ct));

    private static async Task<Result<WorkOrderStep>> Run(NoteInput input, Func<WorkOrderMove, Task<Result<WorkOrderStep>>> run)
    {
        var reason = input.Check("撤回原因", required: false);
        if (!reason.IsSuccess) return reason.Error;
        return await run((order, actor, who, now) => Task.FromResult(order.Withdraw(actor, who, reason.Value, now)));
    }
}
