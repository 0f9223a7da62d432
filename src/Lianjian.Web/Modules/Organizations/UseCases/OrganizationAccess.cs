using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Organizations.UseCases;

/// <summary>Loads organizations through the user's data scope: an id outside it is simply "not found".</summary>
public sealed class OrganizationAccess(AppDbContext db, ICurrentUser user)
{
    public async Task<Result<Organization>> FindForChangeAsync(Guid id, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var organization = await db.Organizations.InScope(scope).FirstOrDefaultAsync(o => o.Id == id, ct);
        return organization is null ? OrganizationErrors.NotFound() : organization;
    }

    /// <summary>A parent for a new or moved node; null parent (a new root) only for an unrestricted user.</summary>
    public async Task<Result<Organization?>> FindParentAsync(Guid? parentId, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        if (parentId is null)
        {
            return scope.IsUnrestricted ? (Organization?)null : OrganizationErrors.RootRequiresUnrestrictedScope();
        }

        var parent = await db.Organizations.InScope(scope).FirstOrDefaultAsync(o => o.Id == parentId, ct);
        return parent is null ? OrganizationErrors.ParentNotFound() : parent;
    }

    /// <summary>The nodes a scoped user acts for are the tops of their world: they may edit them but not move or deactivate them.</summary>
    public async Task<bool> IsScopeRootAsync(Organization organization, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        return !scope.IsUnrestricted && scope.Paths.Contains(organization.Path);
    }
}
