using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>
/// Who may do what with an alliance (数据权限, docs/decisions/0005):
/// <list type="bullet">
/// <item>Read (details, the agreement document): a user whose subtree holds a member organization, as in AlliancesQuery.</item>
/// <item>Change (the alliance, its members, agreements, meetings): a user whose subtree holds the <b>lead</b>
/// organization — the lead (牵头支部) runs the alliance; other members read. A system admin always.
/// An alliance the user cannot even read answers 404; one they can read but not change answers 403.</item>
/// <item>Add a member organization: the organization must lie in the user's subtree, <b>unless the user is a committee
/// or system admin</b>. Alliances join organizations across levels and trees (a city branch, a county centre, an
/// island village), and a county admin cannot see the city's branches; forming such cross-tree groups is the
/// work committee's job (工委牵头组建三级联建), so committee admins may add any active organization, while an
/// organization admin adds only what they administer (any other id answers 404, like every out-of-scope id).</item>
/// </list>
/// Visibility is computed from the member organizations' paths, so a back-office circuit sees an alliance it has just created.
/// </summary>
public sealed class AllianceAccess(AppDbContext db, ICurrentUser user)
{
    /// <summary>The alliance (tracked, with members) when the user may change it; an inactive one only if <paramref name="allowInactive"/>.</summary>
    public async Task<Result<Alliance>> FindForChangeAsync(Guid id, CancellationToken ct, bool allowInactive = false)
    {
        var alliance = await db.Alliances.Include(a => a.Members).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alliance is null) return AllianceErrors.NotFound();
        var allowed = await CheckChangeAsync(alliance, ct);
        if (!allowed.IsSuccess) return allowed.Error;
        if (!alliance.IsActive && !allowInactive) return AllianceChangeErrors.AllianceInactive(alliance.Name);
        return alliance;
    }

    /// <summary>For pages: whether to offer the change buttons (edit, members, agreement steps, meetings) at all.</summary>
    public async Task<bool> CanChangeAsync(Guid id, CancellationToken ct = default)
    {
        var alliance = await db.Alliances.AsNoTracking().Include(a => a.Members).FirstOrDefaultAsync(a => a.Id == id, ct);
        return alliance is not null && (await CheckChangeAsync(alliance, ct)).IsSuccess;
    }

    private async Task<Result> CheckChangeAsync(Alliance alliance, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        if (scope.IsUnrestricted) return Result.Ok;
        var orgIds = alliance.Members.Select(m => m.OrganizationId).Append(alliance.LeadOrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Path, o.Name }).ToListAsync(ct);
        var lead = orgs.Single(o => o.Id == alliance.LeadOrganizationId);
        if (scope.Covers(lead.Path)) return Result.Ok;
        return orgs.Any(o => scope.Covers(o.Path)) ? AllianceChangeErrors.OnlyLeadScopeCanChange(lead.Name) : AllianceErrors.NotFound();
    }

    /// <summary>The alliance (not tracked) when the user may read it.</summary>
    public async Task<Result<Alliance>> FindForReadAsync(Guid id, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var alliance = await db.Alliances.AsNoTracking().Include(a => a.Members).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alliance is null) return AllianceErrors.NotFound();
        if (scope.IsUnrestricted) return alliance;
        var memberIds = alliance.Members.Select(m => m.OrganizationId).ToList();
        var readable = await db.Organizations.AsNoTracking().InScope(scope).AnyAsync(o => memberIds.Contains(o.Id), ct);
        return readable ? alliance : AllianceErrors.NotFound();
    }

    public async Task<Result<(Alliance Alliance, Agreement Agreement)>> FindAgreementForChangeAsync(Guid allianceId, Guid agreementId, CancellationToken ct)
    {
        var alliance = await FindForChangeAsync(allianceId, ct);
        if (!alliance.IsSuccess) return alliance.Error;
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == agreementId && a.AllianceId == allianceId, ct);
        return agreement is null ? AllianceErrors.AgreementNotFound() : (alliance.Value, agreement);
    }

    public async Task<Result<(Alliance Alliance, JointMeeting Meeting)>> FindMeetingForChangeAsync(Guid allianceId, Guid meetingId, CancellationToken ct)
    {
        var alliance = await FindForChangeAsync(allianceId, ct);
        if (!alliance.IsSuccess) return alliance.Error;
        var meeting = await db.JointMeetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.AllianceId == allianceId, ct);
        return meeting is null ? AllianceErrors.MeetingNotFound() : (alliance.Value, meeting);
    }

    /// <summary>A lead organization must lie in the user's subtree and be active.</summary>
    public async Task<Result<Organization>> FindLeadCandidateAsync(Guid organizationId, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var organization = await db.Organizations.AsNoTracking().InScope(scope).FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null) return AllianceChangeErrors.LeadNotFound();
        return organization.IsActive ? organization : AllianceChangeErrors.OrganizationInactive(organization.Name);
    }

    /// <summary>A new member: in the user's subtree, or any active organization for a committee or system admin (see the class comment).</summary>
    public async Task<Result<Organization>> FindMemberCandidateAsync(Guid organizationId, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var organizations = db.Organizations.AsNoTracking();
        if (!user.IsInRole(Roles.CommitteeAdmin)) organizations = organizations.InScope(scope);
        var organization = await organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null) return AllianceChangeErrors.OrganizationNotFound();
        return organization.IsActive ? organization : AllianceChangeErrors.OrganizationInactive(organization.Name);
    }
}
