using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>A move on a loaded order: the entity method to call, given who acts, in which capacity, and when.</summary>
public delegate Task<Result<WorkOrderStep>> WorkOrderMove(WorkOrder order, WorkOrderActor actor, Actor who, DateTime now);

/// <summary>
/// What every action use case does around its entity method: find the order in the user's reach (404 otherwise), make
/// the move (the transition table decides), append the step with its photos, and save it all in one transaction —
/// where the order's <see cref="WorkOrder.Version"/> decides between two people acting at once.
/// </summary>
public sealed class WorkOrderMoves(AppDbContext db, WorkOrderAccess access, WorkOrderPhotos photos, WorkOrderNotices notices, GroupCommit commits, TimeProvider clock)
{
    public async Task<Result<WorkOrderStep>> ByStaffAsync(long id, WorkOrderAction action, WorkOrderMove move, IReadOnlyList<CheckedFile>? files, CancellationToken ct)
    {
        var found = await access.FindAsync(id, ct);
        if (!found.IsSuccess) return found.Error;
        var (order, actor) = found.Value;
        return await MoveAsync(order, action, actor, await access.WhoAsync(ct), move, files, ct);
    }

    /// <summary>By the tracking link: the holder acts as the requester (and only as the requester).</summary>
    public async Task<Result<WorkOrderStep>> ByTokenAsync(string token, WorkOrderAction action, WorkOrderMove move, CancellationToken ct)
    {
        var found = await access.FindByTokenAsync(token, ct);
        if (!found.IsSuccess) return found.Error;
        var order = found.Value;
        return await MoveAsync(order, action, WorkOrderActor.Requester, new Actor(null, order.RequesterName ?? "点单人"), move, null, ct);
    }

    private async Task<Result<WorkOrderStep>> MoveAsync(WorkOrder order, WorkOrderAction action, WorkOrderActor actor, Actor who, WorkOrderMove move, IReadOnlyList<CheckedFile>? files, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await move(order, actor, who, now);
        if (!moved.IsSuccess) return moved;
        var step = moved.Value;
        db.WorkOrderSteps.Add(step);
        var stored = files is { Count: > 0 } ? await photos.StoreAsync(order, step, files, ct) : [];
        await notices.OnStepAsync(order, step, ct);
        try
        {
            // With other requests' writes of the same moment, answered after the commit (GroupCommit).
            await commits.SaveAsync(db, ct);
            return step;
        }
        catch (DbUpdateConcurrencyException)
        {
            photos.Discard(stored);
            db.ChangeTracker.Clear();
            return action == WorkOrderAction.Claim ? WorkOrderErrors.AlreadyClaimed : WorkOrderErrors.Changed;
        }
        catch
        {
            photos.Discard(stored);
            throw;
        }
    }
}
