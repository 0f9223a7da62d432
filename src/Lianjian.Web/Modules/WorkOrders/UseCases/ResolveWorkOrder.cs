using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>办结: the handler reports the result (a note, photos); the requester is then asked to rate it.</summary>
public sealed class ResolveWorkOrder(WorkOrderMoves moves)
{
    public async Task<Result<WorkOrderStep>> ExecuteAsync(long id, NoteInput input, IReadOnlyList<CheckedFile>? photos = null, CancellationToken ct = default)
    {
        var note = input.Check("办结情况", required: true);
        if (!note.IsSuccess) return note.Error;
        if (photos is { Count: > WorkOrder.MaxPhotos }) return WorkOrderPhotoErrors.TooMany;
        return await moves.ByStaffAsync(id, WorkOrderAction.Resolve,
            (order, actor, who, now) => Task.FromResult(order.Resolve(actor, who, note.Value!, now)), photos, ct);
    }
}
