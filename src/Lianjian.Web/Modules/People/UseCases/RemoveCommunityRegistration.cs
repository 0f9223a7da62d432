using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.People.UseCases;

/// <summary>Ends a member's registration with a community (the audit log keeps it).</summary>
public sealed class RemoveCommunityRegistration(AppDbContext db, ICurrentUser user)
{
    public async Task<Result> ExecuteAsync(Guid personId, Guid registrationId, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var person = await db.People.InScope(scope).Include(p => p.CommunityRegistrations).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return PeopleErrors.NotFound();
        var registration = person.CommunityRegistrations.FirstOrDefault(r => r.Id == registrationId);
        if (registration is null) return PersonRecordErrors.RegistrationNotFound();
        db.Remove(registration);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
