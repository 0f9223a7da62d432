using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.People.UseCases;

/// <summary>
/// 双报到: an in-service party member registers with a residential community (or village) and takes a post there;
/// once per community. The person must lie in the user's subtree. The community must too, unless the user is a
/// committee or system admin: the member's workplace and home are usually in different trees (a city department
/// member living in 定海), and organising in-service members' registration is the work committee's job — the same
/// cross-tree rule as adding an alliance member (AllianceAccess).
/// </summary>
public sealed class AddCommunityRegistration(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(Guid personId, CommunityRegistrationInput input, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var scope = await user.GetScopeAsync(ct);
        var person = await db.People.InScope(scope).Include(p => p.CommunityRegistrations).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return PeopleErrors.NotFound();
        if (!person.IsActive) return PersonRecordErrors.PersonInactive();
        if (!person.IsInService || person.MemberStatus is null) return PersonRecordErrors.OnlyInServiceMembersRegister();

        var places = db.Organizations.AsNoTracking();
        if (!user.IsInRole(Roles.CommitteeAdmin)) places = places.InScope(scope);
        var community = await places.FirstOrDefaultAsync(o => o.Id == input.CommunityId, ct);
        if (community is null) return PersonRecordErrors.CommunityNotFound();
        if (community.Kind is not (OrganizationKind.Community or OrganizationKind.Village)) return PersonRecordErrors.RegistrationNeedsCommunity(community.Kind);
        if (!community.IsActive) return PersonRecordErrors.PlaceInactive(community.Name);
        if (person.CommunityRegistrations.Any(r => r.CommunityId == community.Id)) return PersonRecordErrors.AlreadyRegistered(community.Name);

        var registration = new CommunityRegistration
        {
            Id = Guid.CreateVersion7(),
            PersonId = person.Id,
            CommunityId = community.Id,
            RegisteredOn = input.RegisteredOn ?? ChinaClock.Today(clock),
            Post = string.IsNullOrWhiteSpace(input.Post) ? null : input.Post.Trim(),
        };
        db.Add(registration);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two requests raced past the check above; the unique index (person, community) let only one in.
            db.ChangeTracker.Clear();
            if (!await db.Set<CommunityRegistration>().AnyAsync(r => r.PersonId == person.Id && r.CommunityId == community.Id, ct)) throw;
            return PersonRecordErrors.AlreadyRegistered(community.Name);
        }

        return registration.Id;
    }
}
