using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>Adds an organization to an alliance (who may add which organization: see <see cref="AllianceAccess"/>).</summary>
public sealed class AddAllianceMember(AppDbContext db, AllianceAccess access, TimeProvider clock)
{
    public async Task<Result> ExecuteAsync(Guid allianceId, AllianceMemberInput input, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var found = await access.FindForChangeAsync(allianceId, ct);
        if (!found.IsSuccess) return found.Error;
        var organization = await access.FindMemberCandidateAsync(input.OrganizationId!.Value, ct);
        if (!organization.IsSuccess) return organization.Error;
        if (found.Value.Members.Any(m => m.OrganizationId == organization.Value.Id)) return AllianceChangeErrors.AlreadyMember(organization.Value.Name);

        db.Add(new AllianceMember
        {
            AllianceId = allianceId,
            OrganizationId = organization.Value.Id,
            Role = TextInput.TrimOrNull(input.Role),
            JoinedOn = input.JoinedOn ?? ChinaClock.Today(clock),
        });
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
