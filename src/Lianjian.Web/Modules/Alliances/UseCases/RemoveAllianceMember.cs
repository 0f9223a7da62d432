using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>Takes an organization out of an alliance; the lead cannot be removed (change the lead first).</summary>
public sealed class RemoveAllianceMember(AppDbContext db, AllianceAccess access)
{
    public async Task<Result> ExecuteAsync(Guid allianceId, Guid organizationId, CancellationToken ct = default)
    {
        var found = await access.FindForChangeAsync(allianceId, ct);
        if (!found.IsSuccess) return found.Error;
        var alliance = found.Value;
        if (organizationId == alliance.LeadOrganizationId) return AllianceChangeErrors.CannotRemoveLead();
        var member = alliance.Members.FirstOrDefault(m => m.OrganizationId == organizationId);
        if (member is null) return AllianceChangeErrors.MemberNotFound();
        db.Remove(member);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
