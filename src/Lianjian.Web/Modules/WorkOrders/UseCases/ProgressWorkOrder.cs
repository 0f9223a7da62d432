using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>办理: a progress note, with up to six photos, by whoever handles the order.</summary>
public sealed class ProgressWorkOrder(WorkOrderMoves moves)
{
    public async Task<Result<WorkOrderStep>> ExecuteAsync(long id, NoteInput input, IReadOnlyList<CheckedFile>? photos = null, CancellationToken ct = default)
    {
        var note = input.Check("办理情况", required: true);
        if (!note.IsSuccess) return note.Error;
        if (photos is { Count: > WorkOrder.MaxPhotos }) return WorkOrderPhotoErrors.TooMany;
        return await moves.ByStaffAsync(id, WorkOrderAction.Progress,
            (order, actor, who, now) => Task.FromResult(order.Progress(actor, who, note.Value!, now)), photos, ct);
    }
}
