using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Organizations.Queries;

public sealed record OrganizationRow(
    Guid Id,
    string Name,
    OrganizationKind Kind,
    string KindLabel,
    int? GridLevel,
    Guid? ParentId,
    int Depth,
    bool IsActive,
    bool HasChildren,
    string? ContactName,
    string? ContactPhone);

public sealed record OrganizationDetails(
    Guid Id,
    string Name,
    OrganizationKind Kind,
    string KindLabel,
    int? GridLevel,
    Guid? ParentId,
    string? ParentName,
    IReadOnlyList<OrganizationCrumb> Ancestors,
    string? Code,
    string? Address,
    string? ContactName,
    string? ContactPhone,
    string? Description,
    int SortOrder,
    bool IsActive,
    DateTime? DeactivatedAt,
    DateTime CreatedAt,
    int ChildCount);

public sealed record OrganizationCrumb(Guid Id, string Name);

public sealed record OrganizationFilter(
    string? Name = null,
    OrganizationKind? Kind = null,
    Guid? Under = null,
    bool IncludeInactive = false,
    int? Page = null,
    int? PageSize = null);

/// <summary>The read side of the tree: one query feeds the tree view, the lists, the API and the export.</summary>
public sealed class OrganizationsQuery(AppDbContext db, ICurrentUser user)
{
    /// <summary>Children of <paramref name="parentId"/>, or the tops of the user's scope when it is null.</summary>
    public async Task<Result<IReadOnlyList<OrganizationRow>>> ChildrenAsync(Guid? parentId, bool includeInactive = true, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var visible = db.Organizations.AsNoTracking().InScope(scope);
        IQueryable<Organization> level;
        if (parentId is null)
        {
            level = scope.IsUnrestricted
                ? visible.Where(o => o.ParentId == null)
                : visible.Where(o => scope.Paths.Contains(o.Path));
        }
        else
        {
            if (!await visible.AnyAsync(o => o.Id == parentId, ct)) return OrganizationErrors.NotFound();
            level = visible.Where(o => o.ParentId == parentId);
        }

        if (!includeInactive) level = level.Where(o => o.IsActive);
        return Result<IReadOnlyList<OrganizationRow>>.Ok(await ListAsync(level.OrderBy(o => o.SortOrder).ThenBy(o => o.Name), ct));
    }

    public async Task<Page<OrganizationRow>> SearchAsync(OrganizationFilter filter, CancellationToken ct = default)
    {
        var query = await FilterAsync(filter, ct);
        if (query is null) return new Page<OrganizationRow>([], 0, 1, 20);
        var (page, size) = Page<OrganizationRow>.Normalize(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var items = await ListAsync(Ordered(query).Skip((page - 1) * size).Take(size), ct);
        return new Page<OrganizationRow>(items, total, page, size);
    }

    /// <summary>Every organization the search would list, streamed in the same order (parents before children): the Excel export.</summary>
    public async IAsyncEnumerable<Organization> AllAsync(OrganizationFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var query = await FilterAsync(filter, ct);
        if (query is null) yield break;
        await foreach (var organization in Ordered(query).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return organization;
        }
    }

    /// <summary>The search's filter; null when <see cref="OrganizationFilter.Under"/> is not in scope.</summary>
    private async Task<IQueryable<Organization>?> FilterAsync(OrganizationFilter filter, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var query = db.Organizations.AsNoTracking().InScope(scope);
        if (filter.Under is { } under)
        {
            var path = await query.Where(o => o.Id == under).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null) return null;
            query = query.Under(path);
        }

        if (!string.IsNullOrWhiteSpace(filter.Name)) query = query.Where(o => o.Name.Contains(filter.Name.Trim()));
        if (filter.Kind is { } kind) query = query.Where(o => o.Kind == kind);
        if (!filter.IncludeInactive) query = query.Where(o => o.IsActive);
        return query;
    }

    private static IQueryable<Organization> Ordered(IQueryable<Organization> query) =>
        query.OrderBy(o => o.Depth).ThenBy(o => o.SortOrder).ThenBy(o => o.Name).ThenBy(o => o.Id);

    public async Task<Result<OrganizationDetails>> DetailsAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var o = await db.Organizations.AsNoTracking().InScope(scope).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return OrganizationErrors.NotFound();
        var ancestorIds = o.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Where(a => a != o.Id).ToList();
        var names = await db.Organizations.AsNoTracking().Where(a => ancestorIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var ancestors = ancestorIds.Where(names.ContainsKey).Select(a => new OrganizationCrumb(a, names[a])).ToList();
        var childCount = await db.Organizations.CountAsync(c => c.ParentId == id, ct);
        return new OrganizationDetails(o.Id, o.Name, o.Kind, o.Kind.Label(), o.GridLevel, o.ParentId, ancestors.LastOrDefault()?.Name, ancestors,
            o.Code, o.Address, o.ContactName, o.ContactPhone, o.Description, o.SortOrder, o.IsActive, o.DeactivatedAt, o.CreatedAt, childCount);
    }

    /// <summary>One organization in scope as a list row (a picker's value restored from a link), or null.</summary>
    public async Task<OrganizationRow?> RowAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        return (await ListAsync(db.Organizations.AsNoTracking().InScope(scope).Where(o => o.Id == id), ct)).FirstOrDefault();
    }

    /// <summary>The ancestor path of an organization in scope, or null (used by other modules to scope by subtree).</summary>
    public async Task<string?> PathInScopeAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        return await db.Organizations.AsNoTracking().InScope(scope).Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct);
    }

    private async Task<IReadOnlyList<OrganizationRow>> ListAsync(IQueryable<Organization> query, CancellationToken ct)
    {
        var rows = await query.Select(o => new OrganizationRow(
            o.Id, o.Name, o.Kind, "", o.GridLevel, o.ParentId, o.Depth, o.IsActive, false, o.ContactName, o.ContactPhone)).ToListAsync(ct);

        // "Has children" for this page only, in one indexed lookup (a correlated EXISTS per row made PostgreSQL read the
        // whole ParentId index for every page: bench/README.md, fix 2).
        var ids = rows.ConvertAll(r => (Guid?)r.Id);
        var parents = (await db.Organizations.AsNoTracking().Where(c => ids.Contains(c.ParentId)).Select(c => c.ParentId).Distinct().ToListAsync(ct)).ToHashSet();
        return rows.ConvertAll(r => r with { KindLabel = r.Kind.Label(), HasChildren = parents.Contains(r.Id) });
    }
}
