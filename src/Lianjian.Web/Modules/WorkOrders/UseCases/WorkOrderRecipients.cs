using Lianjian.Web.Modules.Accounts;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>Which accounts stand for an organization or a person when the loop has news for them.</summary>
public sealed class WorkOrderRecipients(AppDbContext db)
{
    private static readonly string[] AdminRoles = [Roles.OrganizationAdmin, Roles.CommitteeAdmin];

    /// <summary>The admins acting for exactly this organization (组织管理员 / 工委管理员 of it).</summary>
    public async Task<List<Guid>> AdminsOfAsync(Guid organizationId, CancellationToken ct)
    {
        var adminRoleIds = db.Roles.Where(r => AdminRoles.Contains(r.Name!)).Select(r => r.Id);
        var admins = db.UserRoles.Where(ur => adminRoleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Set<UserOrganization>().Where(u => u.OrganizationId == organizationId && admins.Contains(u.UserId))
            .Join(db.Users.Where(u => u.IsActive), u => u.UserId, a => a.Id, (u, a) => a.Id).Distinct().ToListAsync(ct);
    }

    /// <summary>The nearest admins at or above <paramref name="organizationId"/>: the organization's own, else its parent's, and so on.</summary>
    public async Task<List<Guid>> NearestAdminsAsync(Guid organizationId, int levelsUp, CancellationToken ct)
    {
        var chain = await AncestorsAsync(organizationId, ct);
        for (var i = Math.Min(levelsUp, chain.Count - 1); i < chain.Count; i++)
        {
            var admins = await AdminsOfAsync(chain[i], ct);
            if (admins.Count > 0) return admins;
        }

        return [];
    }

    /// <summary>Committee admins whose subtree holds the organization (工委兜底).</summary>
    public async Task<List<Guid>> CommitteeOverAsync(Guid organizationId, CancellationToken ct)
    {
        var chain = await AncestorsAsync(organizationId, ct);
        var committeeRole = db.Roles.Where(r => r.Name == Roles.CommitteeAdmin).Select(r => r.Id);
        var committee = db.UserRoles.Where(ur => committeeRole.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Set<UserOrganization>().Where(u => chain.Contains(u.OrganizationId) && committee.Contains(u.UserId))
            .Select(u => u.UserId).Distinct().ToListAsync(ct);
    }

    /// <summary>The account of a person (a member signing in on the phone), if there is one.</summary>
    public async Task<List<Guid>> AccountOfPersonAsync(Guid? personId, CancellationToken ct) =>
        personId is null ? [] : await db.Users.Where(u => u.PersonId == personId && u.IsActive).Select(u => u.Id).ToListAsync(ct);

    /// <summary>The organization and its ancestors, nearest first.</summary>
    private async Task<List<Guid>> AncestorsAsync(Guid organizationId, CancellationToken ct)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        var ids = Queries.WorkOrdersQuery.AncestorIds(path);
        ids.Reverse();
        return ids;
    }
}
