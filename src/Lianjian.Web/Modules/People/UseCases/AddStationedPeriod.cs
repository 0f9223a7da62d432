using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.People.UseCases;

/// <summary>
/// Records a period a cadre spends in a village (seeds: one month on site, then two months of liaison). The person
/// and the village must both lie in the user's subtree; a person's periods may not overlap.
/// </summary>
public sealed class AddStationedPeriod(AppDbContext db, ICurrentUser user)
{
    public async Task<Result<Guid>> ExecuteAsync(Guid personId, StationedPeriodInput input, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var scope = await user.GetScopeAsync(ct);
        var person = await db.People.InScope(scope).Include(p => p.StationedPeriods).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return PeopleErrors.NotFound();
        if (!person.IsActive) return PersonRecordErrors.PersonInactive();
        if (person.Kind is not (PersonKind.StationedCadre or PersonKind.Leader or PersonKind.PartyMember)) return PersonRecordErrors.OnlyCadresAreStationed(person.Kind);

        var village = await db.Organizations.AsNoTracking().InScope(scope).FirstOrDefaultAsync(o => o.Id == input.VillageId, ct);
        if (village is null) return PersonRecordErrors.VillageNotFound();
        if (village.Kind != OrganizationKind.Village) return PersonRecordErrors.StationedOnlyInVillage(village.Kind);
        if (!village.IsActive) return PersonRecordErrors.PlaceInactive(village.Name);

        var startsOn = input.StartsOn!.Value;
        if (StationedPeriodRules.FindOverlap(person.StationedPeriods, startsOn, input.EndsOn) is { } overlap)
            return PersonRecordErrors.StationedPeriodsOverlap(overlap.Kind, overlap.StartsOn, overlap.EndsOn);

        var period = new StationedPeriod
        {
            Id = Guid.CreateVersion7(),
            PersonId = person.Id,
            VillageId = village.Id,
            Kind = input.Kind!.Value,
            StartsOn = startsOn,
            EndsOn = input.EndsOn,
            Remark = string.IsNullOrWhiteSpace(input.Remark) ? null : input.Remark.Trim(),
        };
        db.Add(period);
        await db.SaveChangesAsync(ct);
        return period.Id;
    }
}
