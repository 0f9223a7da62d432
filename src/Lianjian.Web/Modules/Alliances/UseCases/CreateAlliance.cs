using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>Creates an alliance led by an organization in the user's subtree; the lead is its first member.</summary>
public sealed class CreateAlliance(AppDbContext db, AllianceAccess access, TimeProvider clock)
{
    public const string LeadRole = "牵头组织";

    public async Task<Result<Guid>> ExecuteAsync(AllianceInput input, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var lead = await access.FindLeadCandidateAsync(input.LeadOrganizationId!.Value, ct);
        if (!lead.IsSuccess) return lead.Error;
        var name = input.Name!.Trim();
        if (await db.Alliances.AnyAsync(a => a.Name == name, ct)) return AllianceChangeErrors.DuplicateName(name);

        var alliance = new Alliance
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Kind = input.Kind!.Value,
            LeadOrganizationId = lead.Value.Id,
            Description = TextInput.TrimOrNull(input.Description),
            FoundedOn = input.FoundedOn,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        alliance.Members.Add(new AllianceMember
        {
            AllianceId = alliance.Id, OrganizationId = lead.Value.Id, Role = LeadRole, JoinedOn = input.FoundedOn ?? ChinaClock.Today(clock),
        });
        db.Add(alliance);
        await db.SaveChangesAsync(ct);
        return alliance.Id;
    }
}
