using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Alliances.Queries;

public sealed record AllianceRow(Guid Id, string Name, AllianceKind Kind, string KindLabel, Guid LeadOrganizationId, string LeadOrganizationName, int MemberCount, bool IsActive);

public sealed record AllianceMemberRow(Guid OrganizationId, string Name, string KindLabel, string? Role, DateOnly? JoinedOn, bool IsLead);

public sealed record AgreementRow(Guid Id, string Title, AgreementStatus Status, string StatusLabel, DateOnly NegotiationStartedOn, DateOnly? SignedOn,
    DateOnly? PerformanceStartedOn, DateOnly? EvaluatedOn, DateOnly? ValidUntil, string? EvaluationResult, string? EvaluationRemark, string? Terms, string? DocumentFileName);

public sealed record JointMeetingRow(Guid Id, DateTime HeldAt, string Place, string Topic, IReadOnlyList<string> Attendees, string? Minutes, IReadOnlyList<string> Decisions);

public sealed record AllianceDetails(AllianceRow Alliance, string? Description, DateOnly? FoundedOn, IReadOnlyList<AllianceMemberRow> Members,
    IReadOnlyList<AgreementRow> Agreements, IReadOnlyList<JointMeetingRow> Meetings);

/// <summary>Alliances visible to the user: those with a member organization in their scope.</summary>
public sealed class AlliancesQuery(AppDbContext db, ICurrentUser user)
{
    public async Task<IQueryable<Alliance>> VisibleAsync(CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var alliances = db.Alliances.AsNoTracking();
        if (scope.IsUnrestricted) return alliances;
        var organizations = db.Organizations.InScope(scope).Select(o => o.Id);
        return alliances.Where(a => a.Members.Any(m => organizations.Contains(m.OrganizationId)));
    }

    public async Task<IReadOnlyList<AllianceRow>> ListAsync(string? name = null, Guid? organizationId = null, CancellationToken ct = default)
    {
        var query = await VisibleAsync(ct);
        if (!string.IsNullOrWhiteSpace(name)) query = query.Where(a => a.Name.Contains(name.Trim()));
        if (organizationId is { } orgId) query = query.Where(a => a.Members.Any(m => m.OrganizationId == orgId));
        var rows = await query.OrderBy(a => a.Name)
            .Select(a => new AllianceRow(a.Id, a.Name, a.Kind, "", a.LeadOrganizationId,
                db.Set<Organization>().Where(o => o.Id == a.LeadOrganizationId).Select(o => o.Name).First(), a.Members.Count, a.IsActive))
            .ToListAsync(ct);
        return rows.ConvertAll(r => r with { KindLabel = r.Kind.Label() });
    }

    public async Task<Result<AllianceDetails>> DetailsAsync(Guid id, CancellationToken ct = default)
    {
        var query = await VisibleAsync(ct);
        var alliance = await query.Include(a => a.Members).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alliance is null) return AllianceErrors.NotFound();
        var orgIds = alliance.Members.Select(m => m.OrganizationId).Append(alliance.LeadOrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var members = alliance.Members
            .Select(m => new AllianceMemberRow(m.OrganizationId, orgs[m.OrganizationId].Name, orgs[m.OrganizationId].Kind.Label(), m.Role, m.JoinedOn, m.OrganizationId == alliance.LeadOrganizationId))
            .OrderByDescending(m => m.IsLead).ThenBy(m => orgs[m.OrganizationId].Depth).ThenBy(m => m.Name).ToList();
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.AllianceId == id).OrderByDescending(a => a.NegotiationStartedOn).ToListAsync(ct);
        var meetings = await db.JointMeetings.AsNoTracking().Where(m => m.AllianceId == id).OrderByDescending(m => m.HeldAt).ToListAsync(ct);
        var row = new AllianceRow(alliance.Id, alliance.Name, alliance.Kind, alliance.Kind.Label(), alliance.LeadOrganizationId,
            orgs[alliance.LeadOrganizationId].Name, alliance.Members.Count, alliance.IsActive);
        return new AllianceDetails(row, alliance.Description, alliance.FoundedOn, members,
            agreements.ConvertAll(a => new AgreementRow(a.Id, a.Title, a.Status, a.Status.Label(), a.NegotiationStartedOn, a.SignedOn, a.PerformanceStartedOn,
                a.EvaluatedOn, a.ValidUntil, a.EvaluationResult?.Label(), a.EvaluationRemark, a.Terms, a.DocumentFileName)),
            meetings.ConvertAll(m => new JointMeetingRow(m.Id, m.HeldAt, m.Place, m.Topic, m.Attendees, m.Minutes, m.Decisions)));
    }
}
