namespace Lianjian.Web.Platform.Identity;

/// <summary>The roles of PRODUCT.md "Who uses it". A user may hold several.</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string CommitteeAdmin = "CommitteeAdmin";
    public const string OrganizationAdmin = "OrganizationAdmin";
    public const string Member = "Member";
    public const string GridWorker = "GridWorker";
    public const string Leader = "Leader";

    public static readonly IReadOnlyList<string> All = [SystemAdmin, CommitteeAdmin, OrganizationAdmin, Member, GridWorker, Leader];

    /// <summary>Staff who may change organizations, people and alliances in their scope.</summary>
    public const string Staff = $"{SystemAdmin},{CommitteeAdmin},{OrganizationAdmin}";

    /// <summary>System, committee or organization admin: who may change data in their scope (<see cref="Policies.Staff"/>).</summary>
    public static bool IsStaff(this ICurrentUser user) => user.IsInRole(SystemAdmin) || user.IsInRole(CommitteeAdmin) || user.IsInRole(OrganizationAdmin);

    public static string Label(string role) => role switch
    {
        SystemAdmin => "系统管理员",
        CommitteeAdmin => "工委管理员",
        OrganizationAdmin => "组织管理员",
        Member => "党员",
        GridWorker => "网格员",
        Leader => "领导干部",
        _ => role,
    };
}
