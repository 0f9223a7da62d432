using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.People.UseCases;

/// <summary>Creates or updates a person; both the person and their home organization must lie in the user's scope.</summary>
public sealed class SavePerson(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<Guid>> CreateAsync(PersonInput input, CancellationToken ct = default)
    {
        var person = new Person { Id = Guid.CreateVersion7(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        var applied = await ApplyAsync(person, input, ct);
        if (!applied.IsSuccess) return applied.Error;
        db.Add(person);
        await db.SaveChangesAsync(ct);
        return person.Id;
    }

    public async Task<Result> UpdateAsync(Guid id, PersonInput input, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var person = await db.People.InScope(scope).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return PeopleErrors.NotFound();

        // Viewers who see masked numbers send them back masked: a masked value means "unchanged".
        if (input.Phone is not null && input.Phone == PersonalData.MaskPhone(person.Phone) && input.Phone != person.Phone) input = input with { Phone = person.Phone };
        if (input.IdNumber is not null && input.IdNumber == PersonalData.MaskIdNumber(person.IdNumber) && input.IdNumber != person.IdNumber) input = input with { IdNumber = person.IdNumber };
        var applied = await ApplyAsync(person, input, ct);
        if (!applied.IsSuccess) return applied.Error;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    public async Task<Result> SetActiveAsync(Guid id, bool active, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var person = await db.People.InScope(scope).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return PeopleErrors.NotFound();
        person.IsActive = active;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    private async Task<Result> ApplyAsync(Person person, PersonInput input, CancellationToken ct)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var scope = await user.GetScopeAsync(ct);
        var organization = await db.Organizations.InScope(scope).FirstOrDefaultAsync(o => o.Id == input.OrganizationId, ct);
        var rule = CheckHome(input, organization);
        if (!rule.IsSuccess) return rule;
        var idNumber = string.IsNullOrWhiteSpace(input.IdNumber) ? null : input.IdNumber.Trim().ToUpperInvariant();
        if (idNumber is not null && await db.People.AnyAsync(p => p.IdNumber == idNumber && p.Id != person.Id, ct))
            return PeopleErrors.DuplicateIdNumber();
        Apply(person, input, organization!.Id, idNumber);
        return Result.Ok;
    }

    /// <summary>Rules on the home organization, shared with the import (which loads organizations in bulk).</summary>
    public static Result CheckHome(PersonInput input, Organization? organization)
    {
        if (organization is null) return PeopleErrors.OrganizationNotFound();
        if (!organization.IsActive) return PeopleErrors.OrganizationInactive();
        if (input.Kind == PersonKind.GridWorker && organization.Kind != OrganizationKind.Grid) return PeopleErrors.GridWorkerNeedsGrid(organization.Kind);
        return Result.Ok;
    }

    public static void Apply(Person person, PersonInput input, Guid organizationId, string? idNumber)
    {
        person.Name = string.IsNullOrWhiteSpace(input.Name) ? null : input.Name.Trim();
        person.Kind = input.Kind!.Value;
        person.OrganizationId = organizationId;
        person.Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        person.IdNumber = idNumber;
        person.Gender = input.Gender;
        person.BirthDate = input.BirthDate;
        person.MemberStatus = input.MemberStatus;
        person.JoinedPartyOn = input.JoinedPartyOn;
        person.IsInService = input.IsInService;
        person.Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim();
        person.Skills = PersonInput.CleanList(input.Skills);
        person.Tags = PersonInput.CleanList(input.Tags);
        person.Remark = string.IsNullOrWhiteSpace(input.Remark) ? null : input.Remark.Trim();
    }
}
