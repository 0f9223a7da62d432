using MudBlazor;

namespace Lianjian.Web.Modules.Organizations.Admin;

/// <summary>How each kind of organization looks in the back office: party organisations red, administrative units blue, grids green, units grey.</summary>
public static class OrganizationKindStyle
{
    public static string Icon(OrganizationKind kind) => kind switch
    {
        OrganizationKind.PartyCommittee or OrganizationKind.WorkCommittee or OrganizationKind.GeneralBranch
            or OrganizationKind.Branch or OrganizationKind.PartyGroup => Icons.Material.Filled.Flag,
        OrganizationKind.City => Icons.Material.Filled.LocationCity,
        OrganizationKind.County or OrganizationKind.Township => Icons.Material.Filled.AccountBalance,
        OrganizationKind.Village => Icons.Material.Filled.Cottage,
        OrganizationKind.Community => Icons.Material.Filled.Apartment,
        OrganizationKind.Grid => Icons.Material.Filled.GridOn,
        OrganizationKind.Department => Icons.Material.Filled.Business,
        OrganizationKind.Enterprise => Icons.Material.Filled.Factory,
        OrganizationKind.Cooperative => Icons.Material.Filled.Agriculture,
        OrganizationKind.PropertyCompany => Icons.Material.Filled.HomeWork,
        OrganizationKind.Association => Icons.Material.Filled.Groups,
        _ => Icons.Material.Filled.Domain,
    };

    public static Color Color(OrganizationKind kind) => kind switch
    {
        _ when kind.IsParty() => MudBlazor.Color.Error,
        OrganizationKind.City or OrganizationKind.County or OrganizationKind.Township or OrganizationKind.Village
            or OrganizationKind.Community => MudBlazor.Color.Info,
        OrganizationKind.Grid => MudBlazor.Color.Success,
        _ => MudBlazor.Color.Warning,
    };

    /// <summary>"网格（三级）" for grids, the plain label otherwise.</summary>
    public static string Label(OrganizationKind kind, int? gridLevel) =>
        kind == OrganizationKind.Grid && gridLevel is { } level ? $"{kind.Label()}（{"一二三四五"[Math.Clamp(level, 1, 5) - 1]}级）" : kind.Label();
}
