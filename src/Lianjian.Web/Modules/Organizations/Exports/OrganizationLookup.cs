using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Organizations.Exports;

/// <summary>The organization a text refers to, or how many it could be (0: none, 2+: ambiguous).</summary>
public readonly record struct OrganizationMatch(Organization? Organization, int Count);

/// <summary>
/// Finds organizations by the text typed in an Excel cell (上级组织, 所属组织), among the organizations of the user's
/// scope — loaded once, so a 10,000-row import makes one query — and those created by earlier rows of the same file.
/// A text is, in this order: an exact name; an "上级/名称" path (as many levels as needed); an organization code.
/// Among several matches, rows of this file win (a file's tree is self-contained), then active organizations
/// (a deactivated namesake does not make a name ambiguous); what is still more than one is ambiguous.
/// docs/decisions/0004-import-policy.md.
/// </summary>
public sealed class OrganizationLookup
{
    private readonly Dictionary<Guid, Organization> _byId = [];
    private readonly Dictionary<string, List<Organization>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Organization>> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, int> _fileRowOf = [];
    private readonly Dictionary<Guid, string> _references = [];

    // The ancestors of the scope's top organizations: not in scope (never a match), but their names complete paths.
    private readonly Dictionary<Guid, (string Name, Guid? ParentId)> _above = [];

    public static async Task<OrganizationLookup> LoadAsync(AppDbContext db, DataScope scope, CancellationToken ct)
    {
        var lookup = new OrganizationLookup();
        await foreach (var organization in db.Organizations.AsNoTracking().InScope(scope).AsAsyncEnumerable().WithCancellation(ct))
        {
            lookup.Add(organization);
        }

        var aboveIds = scope.Paths.SelectMany(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries)).Select(Guid.Parse)
            .Where(id => !lookup._byId.ContainsKey(id)).Distinct().ToList();
        if (aboveIds.Count > 0)
        {
            var above = await db.Organizations.AsNoTracking().Where(o => aboveIds.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.ParentId }).ToListAsync(ct);
            foreach (var a in above) lookup._above[a.Id] = (a.Name, a.ParentId);
        }

        return lookup;
    }

    /// <summary>A lookup over organizations already at hand (tests).</summary>
    internal static OrganizationLookup From(IEnumerable<Organization> organizations)
    {
        var lookup = new OrganizationLookup();
        foreach (var organization in organizations) lookup.Add(organization);
        return lookup;
    }

    public int Count => _byId.Count;

    public Organization? this[Guid id] => _byId.GetValueOrDefault(id);

    /// <summary>Adds an organization created by row <paramref name="fileRow"/> of the file being imported.</summary>
    public void AddFromFile(Organization organization, int fileRow)
    {
        Add(organization);
        _fileRowOf[organization.Id] = fileRow;
    }

    public int? FileRowOf(Organization organization) => _fileRowOf.TryGetValue(organization.Id, out var row) ? row : null;

    public OrganizationMatch Find(string text)
    {
        text = Clean(text);
        if (text.Length == 0) return new OrganizationMatch(null, 0);
        IReadOnlyList<Organization> candidates = _byName.GetValueOrDefault(text) ?? [];
        if (candidates.Count == 0 && text.Contains('/'))
        {
            var names = text.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length > 0)
            {
                candidates = (_byName.GetValueOrDefault(names[^1]) ?? []).Where(o => AncestorsEndWith(o, names.AsSpan(0, names.Length - 1))).ToList();
            }
        }

        if (candidates.Count == 0) candidates = _byCode.GetValueOrDefault(text) ?? [];
        if (candidates.Count > 1 && candidates.Any(c => _fileRowOf.ContainsKey(c.Id))) candidates = candidates.Where(c => _fileRowOf.ContainsKey(c.Id)).ToList();
        if (candidates.Count > 1 && candidates.Any(c => c.IsActive)) candidates = candidates.Where(c => c.IsActive).ToList();
        return new OrganizationMatch(candidates.Count == 1 ? candidates[0] : null, candidates.Count);
    }

    /// <summary>An active organization with this name already hangs under <paramref name="parentId"/>.</summary>
    public bool HasActiveChild(Guid? parentId, string name) =>
        _byName.TryGetValue(name, out var named) && named.Any(o => o.ParentId == parentId && o.IsActive);

    /// <summary>
    /// The shortest text that <see cref="Find"/> resolves to this organization (its name, else "上级/名称" with as many
    /// levels as needed, else its code), so that an export imports again. Organizations above the scope: just the name.
    /// </summary>
    public string ReferenceTo(Guid? id)
    {
        if (id is not { } key) return "";
        if (_references.TryGetValue(key, out var cached)) return cached;
        if (!_byId.TryGetValue(key, out var organization)) return _above.TryGetValue(key, out var above) ? above.Name : "";

        var reference = organization.Name;
        if (Find(reference).Organization != organization)
        {
            var chain = AncestorNames(organization);
            var found = false;
            for (var levels = 1; levels <= chain.Count && !found; levels++)
            {
                var path = string.Join('/', chain.Skip(chain.Count - levels).Append(organization.Name));
                if (Find(path).Organization == organization)
                {
                    reference = path;
                    found = true;
                }
            }

            if (!found && organization.Code is { } code && Find(code).Organization == organization) reference = code;
            else if (!found) reference = string.Join('/', chain.Append(organization.Name));
        }

        _references[key] = reference;
        return reference;
    }

    /// <summary>Spaces trimmed, full-width slashes and "／" made "/", so "长白乡 / 长白岛三龙村" is a path too.</summary>
    public static string Clean(string text) => text.Trim().Replace('／', '/').Replace('\\', '/');

    private void Add(Organization organization)
    {
        _byId[organization.Id] = organization;
        if (!_byName.TryGetValue(organization.Name, out var named)) _byName[organization.Name] = named = [];
        named.Add(organization);
        if (organization.Code is { } code)
        {
            if (!_byCode.TryGetValue(code, out var coded)) _byCode[code] = coded = [];
            coded.Add(organization);
        }
    }

    private bool AncestorsEndWith(Organization organization, ReadOnlySpan<string> names)
    {
        var parentId = organization.ParentId;
        for (var i = names.Length - 1; i >= 0; i--)
        {
            if (!TryParent(parentId, out var name, out parentId) || name != names[i]) return false;
        }

        return true;
    }

    /// <summary>Names from the top of what is known (scope and the ancestors above it) down to the parent.</summary>
    private List<string> AncestorNames(Organization organization)
    {
        var names = new List<string>();
        var parentId = organization.ParentId;
        while (TryParent(parentId, out var name, out parentId)) names.Add(name);
        names.Reverse();
        return names;
    }

    private bool TryParent(Guid? id, out string name, out Guid? parentId)
    {
        if (id is { } key && _byId.TryGetValue(key, out var parent))
        {
            (name, parentId) = (parent.Name, parent.ParentId);
            return true;
        }

        if (id is { } aboveKey && _above.TryGetValue(aboveKey, out var above))
        {
            (name, parentId) = above;
            return true;
        }

        (name, parentId) = ("", null);
        return false;
    }
}
