using Lianjian.Web.Platform.Auditing;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Organizations;

/// <summary>
/// A node of the one organization tree. <see cref="Path"/> holds the ids of all ancestors and itself
/// ("/a/b/c/"), so "everything under 定海区" is one prefix predicate on an indexed column.
/// </summary>
public sealed class Organization : IAudited
{
    public const int NameMax = 100;

    private Organization()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public OrganizationKind Kind { get; private set; }

    /// <summary>1–5 for grids (社区—楼院—小区—楼栋—单元), null otherwise. Follows from the position in the tree.</summary>
    public int? GridLevel { get; private set; }

    public Guid? ParentId { get; private set; }

    public string Path { get; private set; } = "";

    /// <summary>0 for a root.</summary>
    public int Depth { get; private set; }

    public string? Code { get; private set; }

    public string? Address { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    public string? Description { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; } = true;

    public DateTime? DeactivatedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    Guid? IAudited.AuditScopeOrganizationId => Id;

    string IAudited.AuditLabel => Name;

    public static string PathSegment(Guid id) => id.ToString("N") + "/";

    public static Result<Organization> Create(Guid id, string name, OrganizationKind kind, Organization? parent, DateTime now)
    {
        var organization = new Organization { Id = id, CreatedAt = now, Kind = kind, Name = name.Trim() };
        var placed = organization.PlaceUnder(parent);
        return placed.IsSuccess ? organization : placed.Error;
    }

    public void Describe(string name, string? code, string? address, string? contactName, string? contactPhone, string? description, int sortOrder)
    {
        Name = name.Trim();
        Code = TextInput.TrimOrNull(code);
        Address = TextInput.TrimOrNull(address);
        ContactName = TextInput.TrimOrNull(contactName);
        ContactPhone = TextInput.TrimOrNull(contactPhone);
        Description = TextInput.TrimOrNull(description);
        SortOrder = sortOrder;
    }

    /// <summary>
    /// Checks that this node may hang under <paramref name="newParent"/>: not under itself or a descendant
    /// (cycle guard), grids at most five levels deep. Returns the grid-level change for the subtree.
    /// </summary>
    public Result<int> CanMoveUnder(Organization? newParent, int deepestGridLevelBelow)
    {
        if (newParent is not null && newParent.Path.StartsWith(Path, StringComparison.Ordinal) && Path.Length > 0)
        {
            return OrganizationErrors.MoveWouldCreateCycle(Name, newParent.Name);
        }

        if (newParent is { IsActive: false }) return OrganizationErrors.ParentInactive(newParent.Name);
        if (Kind != OrganizationKind.Grid) return 0;
        var newLevel = GridLevelUnder(newParent);
        var delta = newLevel - (GridLevel ?? newLevel);
        if (deepestGridLevelBelow + delta > OrganizationKinds.MaxGridLevel) return OrganizationErrors.GridTooDeep();
        return delta;
    }

    /// <summary>Moves this node (its descendants' paths are rewritten by the use case in one statement).</summary>
    public Result MoveUnder(Organization? newParent)
    {
        var check = CanMoveUnder(newParent, GridLevel ?? 0);
        if (!check.IsSuccess) return check.Error;
        return PlaceUnder(newParent);
    }

    private Result PlaceUnder(Organization? parent)
    {
        if (parent is { IsActive: false }) return OrganizationErrors.ParentInactive(parent.Name);
        if (Kind == OrganizationKind.Grid)
        {
            var level = GridLevelUnder(parent);
            if (level > OrganizationKinds.MaxGridLevel) return OrganizationErrors.GridTooDeep();
            GridLevel = level;
        }

        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + PathSegment(Id);
        Depth = parent is null ? 0 : parent.Depth + 1;
        return Result.Ok;
    }

    private static int GridLevelUnder(Organization? parent) =>
        parent is { Kind: OrganizationKind.Grid, GridLevel: { } parentLevel } ? parentLevel + 1 : 1;

    /// <summary>Soft deactivation: the row stays, so orders, people and history keep their links.</summary>
    public Result Deactivate(DateTime now, bool hasActiveChildren)
    {
        if (!IsActive) return Result.Ok;
        if (hasActiveChildren) return OrganizationErrors.HasActiveChildren(Name);
        IsActive = false;
        DeactivatedAt = now;
        return Result.Ok;
    }

    public Result Reactivate(Organization? parent)
    {
        if (parent is { IsActive: false }) return OrganizationErrors.ParentInactive(parent.Name);
        IsActive = true;
        DeactivatedAt = null;
        return Result.Ok;
    }

}
