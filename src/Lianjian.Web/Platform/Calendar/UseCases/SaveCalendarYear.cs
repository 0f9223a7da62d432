using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform.Calendar.UseCases;

/// <summary>
/// Enters or corrects a year's schedule: the days of that year become exactly the ones given. Only the dates that
/// differ are written, so the audit log lists what was added, renamed or removed rather than the whole year again.
/// </summary>
public sealed class SaveCalendarYear(AppDbContext db, ICurrentUser user, TimeProvider clock, WorkingCalendarSource calendar)
{
    public async Task<Result> ExecuteAsync(int year, CalendarYearInput input, CancellationToken ct = default)
    {
        if (!CalendarErrors.IsSupportedYear(year)) return CalendarErrors.YearOutOfRange(year);
        var validation = input.Validate(year);
        if (!validation.IsValid) return validation.ToError();

        var wanted = input.Days!.ToDictionary(d => d.Date!.Value, d => (Kind: d.Kind!.Value, Name: d.Name!.Trim()));
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var existing = await db.Set<CalendarDay>().Where(d => d.Date >= first && d.Date <= last).ToListAsync(ct);
        foreach (var day in existing)
        {
            if (!wanted.Remove(day.Date, out var change))
            {
                db.Remove(day);
                continue;
            }

            day.Kind = change.Kind;
            day.Name = change.Name;
        }

        foreach (var (date, (kind, name)) in wanted) db.Add(new CalendarDay { Date = date, Kind = kind, Name = name });

        var entry = await db.Set<CalendarYear>().FirstOrDefaultAsync(y => y.Year == year, ct);
        if (entry is null) db.Add(entry = new CalendarYear { Year = year });
        entry.Source = input.Source!.Trim();
        entry.EnteredAt = clock.GetUtcNow().UtcDateTime;
        entry.EnteredByName = user.IsAuthenticated ? user.UserName : "系统";

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins entering the same new year at once: the second insert meets the first one's key.
            return CalendarErrors.ChangedMeanwhile(year);
        }
        finally
        {
            calendar.Invalidate();
        }

        return Result.Ok;
    }
}
