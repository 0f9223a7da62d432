using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.People.UseCases;

/// <summary>Removes a stationed period recorded by mistake (the audit log keeps it).</summary>
public sealed class RemoveStationedPeriod(AppDbContext db, ICurrentUser user)
{
    public async Task<Result> ExecuteAsync(Guid personId, Guid periodId, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var person = await db.People.InScope(scope).Include(p => p.StationedPeriods).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return PeopleErrors.NotFound();
        var period = person.StationedPeriods.FirstOrDefault(p => p.Id == periodId);
        if (period is null) return PersonRecordErrors.StationedPeriodNotFound();
        db.Remove(period);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
