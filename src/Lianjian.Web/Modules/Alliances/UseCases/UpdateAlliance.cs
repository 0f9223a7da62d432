using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>
/// Edits an alliance. A new lead must lie in the user's subtree too; it becomes a member if it was not one, and the
/// alliance's agreements and meetings move to the new lead's audit scope (the old lead stays a member).
/// </summary>
public sealed class UpdateAlliance(AppDbContext db, AllianceAccess access, TimeProvider clock)
{
    public async Task<Result> ExecuteAsync(Guid id, AllianceInput input, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var found = await access.FindForChangeAsync(id, ct);
        if (!found.IsSuccess) return found.Error;
        var alliance = found.Value;
        var name = input.Name!.Trim();
        if (name != alliance.Name && await db.Alliances.AnyAsync(a => a.Name == name && a.Id != id, ct)) return AllianceChangeErrors.DuplicateName(name);

        if (input.LeadOrganizationId!.Value != alliance.LeadOrganizationId)
        {
            var lead = await access.FindLeadCandidateAsync(input.LeadOrganizationId.Value, ct);
            if (!lead.IsSuccess) return lead.Error;
            alliance.LeadOrganizationId = lead.Value.Id;
            if (alliance.Members.All(m => m.OrganizationId != lead.Value.Id))
            {
                db.Add(new AllianceMember { AllianceId = id, OrganizationId = lead.Value.Id, Role = CreateAlliance.LeadRole, JoinedOn = ChinaClock.Today(clock) });
            }

            foreach (var agreement in await db.Agreements.Where(a => a.AllianceId == id).ToListAsync(ct)) agreement.ScopeOrganizationId = lead.Value.Id;
            foreach (var meeting in await db.JointMeetings.Where(m => m.AllianceId == id).ToListAsync(ct)) meeting.ScopeOrganizationId = lead.Value.Id;
        }

        alliance.Name = name;
        alliance.Kind = input.Kind!.Value;
        alliance.Description = TextInput.TrimOrNull(input.Description);
        alliance.FoundedOn = input.FoundedOn;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
