using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.Queries;

/// <summary>A township (乡镇街道) a requester picks first; <see cref="CountyName"/> groups them.</summary>
public sealed record PlaceArea(Guid Id, string Name, string CountyName);

/// <summary>A village, community or grid an order can be placed in. <see cref="Depth"/> is relative to its area (for indenting grids).</summary>
public sealed record PlaceChoice(Guid Id, string Name, string KindLabel, int Depth, Guid? AreaId, string? AreaName);

/// <summary>The place fixed by a QR code (码上办): its name and the names above it, for the requester to recognise.</summary>
public sealed record FixedPlace(Guid Id, string Name, string Trail);

/// <summary>
/// Where an order can be placed, for people who are not signed in: the phone page's two-step choice (township → village,
/// community or grid), its search box, and the place a QR code names. Place names are public; nothing else is shown.
/// </summary>
public sealed class PlacesQuery(AppDbContext db)
{
    public const int SearchMax = 30;

    private static readonly OrganizationKind[] PlaceKinds = [OrganizationKind.Village, OrganizationKind.Community, OrganizationKind.Grid];

    public async Task<IReadOnlyList<PlaceArea>> AreasAsync(CancellationToken ct = default)
    {
        var rows = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && o.Kind == OrganizationKind.Township)
            .Join(db.Organizations, o => o.ParentId, p => p.Id, (o, p) => new { o.Id, o.Name, o.SortOrder, County = p.Name, CountySort = p.SortOrder })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.CountySort).ThenBy(r => r.County).ThenBy(r => r.SortOrder).ThenBy(r => r.Name).Select(r => new PlaceArea(r.Id, r.Name, r.County))];
    }

    /// <summary>The area and the places under it, in tree order (a community, then its grids).</summary>
    public async Task<(PlaceArea Area, IReadOnlyList<PlaceChoice> Places)?> AreaAsync(Guid areaId, CancellationToken ct = default)
    {
        var area = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == areaId && o.IsActive && o.Kind == OrganizationKind.Township)
            .Join(db.Organizations, o => o.ParentId, p => p.Id, (o, p) => new { o.Id, o.Name, o.Path, o.Depth, County = p.Name })
            .FirstOrDefaultAsync(ct);
        if (area is null) return null;
        var places = await PlacesUnder([area.Path], ct);
        return (new PlaceArea(area.Id, area.Name, area.County),
            [.. places.Where(p => p.Id != area.Id).Select(p => new PlaceChoice(p.Id, p.Name, p.Kind.Label(), p.Depth - area.Depth - 1, area.Id, area.Name))]);
    }

    /// <summary>Places whose name contains the text, each with the township it lies in.</summary>
    public async Task<IReadOnlyList<PlaceChoice>> SearchAsync(string? text, CancellationToken ct = default)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > Organization.NameMax) return [];
        var found = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && PlaceKinds.Contains(o.Kind) && o.Name.Contains(text))
            .OrderBy(o => o.Name.Length).ThenBy(o => o.Name).Take(SearchMax)
            .Select(o => new { o.Id, o.Name, o.Kind, o.Path })
            .ToListAsync(ct);
        var ancestorIds = found.SelectMany(o => Ancestors(o.Path)).Distinct().ToList();
        var areas = await db.Organizations.AsNoTracking().Where(o => ancestorIds.Contains(o.Id) && o.Kind == OrganizationKind.Township)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. found.Select(o =>
        {
            var areaId = Ancestors(o.Path).LastOrDefault(areas.ContainsKey);
            return new PlaceChoice(o.Id, o.Name, o.Kind.Label(), 0, areaId == Guid.Empty ? null : areaId, areaId == Guid.Empty ? null : areas[areaId]);
        })];
    }

    /// <summary>The place a QR code names (any active organization), with its trail "定海区 · 长白乡".</summary>
    public async Task<FixedPlace?> FixedAsync(Guid id, CancellationToken ct = default)
    {
        var place = await db.Organizations.AsNoTracking().Where(o => o.Id == id && o.IsActive).Select(o => new { o.Id, o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (place is null) return null;
        var ancestorIds = Ancestors(place.Path).Where(a => a != id).ToList();
        var ancestors = await db.Organizations.AsNoTracking().Where(o => ancestorIds.Contains(o.Id) && o.ParentId != null)
            .Select(o => new { o.Name, o.Depth }).ToListAsync(ct);
        return new FixedPlace(place.Id, place.Name, string.Join(" · ", ancestors.OrderBy(a => a.Depth).Select(a => a.Name)));
    }

    /// <summary>The places a grid worker reports from: those in their scope, their own grid first.</summary>
    public async Task<IReadOnlyList<PlaceChoice>> InScopeAsync(DataScope scope, CancellationToken ct = default)
    {
        if (!scope.IsUnrestricted && scope.Paths.Count == 0) return [];
        var places = await PlacesUnder(scope.IsUnrestricted ? null : scope.Paths, ct);
        var top = places.Count == 0 ? 0 : places.Min(p => p.Depth);
        return [.. places.Select(p => new PlaceChoice(p.Id, p.Name, p.Kind.Label(), p.Depth - top, null, null))];
    }

    private async Task<List<Node>> PlacesUnder(IReadOnlyList<string>? paths, CancellationToken ct)
    {
        var query = db.Organizations.AsNoTracking().Where(o => o.IsActive && PlaceKinds.Contains(o.Kind));
        if (paths is not null) query = query.Where(PathPredicate.Under<Organization>(o => o.Path, paths));
        var nodes = await query.Select(o => new Node(o.Id, o.ParentId, o.Name, o.Kind, o.Depth, o.SortOrder)).Take(2000).ToListAsync(ct);

        // Tree order: each place followed by the places under it.
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var children = nodes.ToLookup(n => n.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        var ordered = new List<Node>(nodes.Count);
        void Walk(Guid? parent)
        {
            foreach (var n in children[parent].OrderBy(n => n.SortOrder).ThenBy(n => n.Name))
            {
                ordered.Add(n);
                Walk(n.Id);
            }
        }

        Walk(null);
        return ordered;
    }

    private static IEnumerable<Guid> Ancestors(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParseExact(s, "N", out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty);

    private sealed record Node(Guid Id, Guid? ParentId, string Name, OrganizationKind Kind, int Depth, int SortOrder);
}
