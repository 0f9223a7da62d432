using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform.Calendar.UseCases;

/// <summary>
/// Removes a year's schedule (entered for the wrong year, or to be entered again from scratch). The year is then
/// unscheduled: its deadlines count Monday to Friday and pages warn about it. The audit log keeps every removed date.
/// </summary>
public sealed class DeleteCalendarYear(AppDbContext db, WorkingCalendarSource calendar)
{
    public async Task<Result> ExecuteAsync(int year, CancellationToken ct = default)
    {
        if (!CalendarErrors.IsSupportedYear(year)) return CalendarErrors.YearOutOfRange(year);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var days = await db.Set<CalendarDay>().Where(d => d.Date >= first && d.Date <= last).ToListAsync(ct);
        var entry = await db.Set<CalendarYear>().FirstOrDefaultAsync(y => y.Year == year, ct);
        if (entry is null && days.Count == 0) return CalendarErrors.YearNotEntered(year);

        db.RemoveRange(days);
        if (entry is not null) db.Remove(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CalendarErrors.ChangedMeanwhile(year);
        }
        finally
        {
            calendar.Invalidate();
        }

        return Result.Ok;
    }
}
