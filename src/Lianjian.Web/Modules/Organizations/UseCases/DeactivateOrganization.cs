using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Organizations.UseCases;

/// <summary>Soft deactivation (停用): the row stays so that history keeps its links; reactivation undoes it.</summary>
public sealed class DeactivateOrganization(AppDbContext db, OrganizationAccess access, TimeProvider clock)
{
    public async Task<Result> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var found = await access.FindForChangeAsync(id, ct);
        if (!found.IsSuccess) return found.Error;
        var organization = found.Value;
        if (await access.IsScopeRootAsync(organization, ct)) return OrganizationErrors.CannotChangeOwnRoot();
        var hasActiveChildren = await db.Organizations.AnyAsync(o => o.ParentId == id && o.IsActive, ct);
        var result = organization.Deactivate(clock.GetUtcNow().UtcDateTime, hasActiveChildren);
        if (!result.IsSuccess) return result;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    public async Task<Result> ReactivateAsync(Guid id, CancellationToken ct = default)
    {
        var found = await access.FindForChangeAsync(id, ct);
        if (!found.IsSuccess) return found.Error;
        var organization = found.Value;
        var parent = organization.ParentId is { } parentId ? await db.Organizations.FindAsync([parentId], ct) : null;
        var result = organization.Reactivate(parent);
        if (!result.IsSuccess) return result;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
