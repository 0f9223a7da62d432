using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>重办: the requester is not satisfied (or staff decide it must be redone); it goes back to the handler with a new
/// resolution deadline.</summary>
public sealed class ReopenWorkOrder(AppDbContext db, WorkOrderMoves moves, IWorkingCalendarSource calendars)
{
    public Task<Result<WorkOrderStep>> ExecuteAsync(long id, NoteInput input, CancellationToken ct = default) =>
        Run(input, move => moves.ByStaffAsync(id, WorkOrderAction.Reopen, move, null, ct), ct);

    public Task<Result<WorkOrderStep>> ByTokenAsync(string token, NoteInput input, CancellationToken ct = default) =>
        Run(input, move => moves.ByTokenAsync(token, WorkOrderAction.Reopen, move, ct), ct);

    private async Task<Result<WorkOrderStep>> Run(NoteInput input, Func<WorkOrderMove, Task<Result<WorkOrderStep>>> run, CancellationToken ct)
    {
        var reason = input.Check("重办理由", required: true);
        if (!reason.IsSuccess) return reason.Error;
        var calendar = await calendars.GetAsync(ct);
        return await run(async (order, actor, who, now) =>
        {
            var category = await db.WorkOrderCategories.AsNoTracking().FirstAsync(c => c.Id == order.CategoryId, ct);
            return order.Reopen(actor, who, reason.Value!, category, calendar, now);
        });
    }
}
