using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>销号: an admin closes out a resolved (rated or followed-up, or unrated) order.</summary>
public sealed class CloseWorkOrder(WorkOrderMoves moves)
{
    public async Task<Result<WorkOrderStep>> ExecuteAsync(long id, NoteInput input, CancellationToken ct = default)
    {
        var note = input.Check("销号说明", required: false);
        if (!note.IsSuccess) return note.Error;
        return await moves.ByStaffAsync(id, WorkOrderAction.Close, (order, actor, who, now) => Task.FromResult(order.Close(actor, who, note.Value, now)), null, ct);
    }
}
