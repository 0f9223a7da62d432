using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Organizations.UseCases;

/// <summary>
/// Moves a node with its whole subtree under a new parent: the cycle guard and grid depth are checked by the
/// entity, then the descendants' paths, depths and grid levels are rewritten in one statement, in one transaction,
/// in which the <see cref="IOrganizationMoveHandler"/>s (other modules' maintained figures per ancestor) also run.
/// </summary>
public sealed class MoveOrganization(AppDbContext db, OrganizationAccess access, IEnumerable<IOrganizationMoveHandler> handlers)
{
    public async Task<Result> ExecuteAsync(Guid id, Guid? newParentId, CancellationToken ct = default)
    {
        var found = await access.FindForChangeAsync(id, ct);
        if (!found.IsSuccess) return found.Error;
        var organization = found.Value;
        if (await access.IsScopeRootAsync(organization, ct)) return OrganizationErrors.CannotChangeOwnRoot();
        var parent = await access.FindParentAsync(newParentId, ct);
        if (!parent.IsSuccess) return parent.Error;
        if (parent.Value?.Id == organization.ParentId) return Result.Ok;

        var oldPath = organization.Path;
        var oldDepth = organization.Depth;
        var deepestGrid = await db.Organizations.Under(oldPath).MaxAsync(o => o.GridLevel, ct) ?? 0;
        var check = organization.CanMoveUnder(parent.Value, deepestGrid);
        if (!check.IsSuccess) return check.Error;
        var gridDelta = check.Value;

        var moved = organization.MoveUnder(parent.Value);
        if (!moved.IsSuccess) return moved.Error;
        var newPath = organization.Path;
        var depthDelta = organization.Depth - oldDepth;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Organizations.Under(oldPath).Where(o => o.Id != organization.Id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Path, o => newPath + o.Path.Substring(oldPath.Length))
            .SetProperty(o => o.Depth, o => o.Depth + depthDelta)
            .SetProperty(o => o.GridLevel, o => o.GridLevel == null ? null : o.GridLevel + gridDelta), ct);
        foreach (var handler in handlers) await handler.MovedAsync(db, organization.Id, oldPath, newPath, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Ok;
    }
}

/// <summary>
/// Told, inside the transaction of a move, that <paramref name="id"/> (with its subtree) went from <paramref name="oldPath"/>
/// to <paramref name="newPath"/>: for figures kept per organization for a whole subtree, whose ancestors just changed.
/// </summary>
public interface IOrganizationMoveHandler
{
    Task MovedAsync(AppDbContext db, Guid id, string oldPath, string newPath, CancellationToken ct);
}
