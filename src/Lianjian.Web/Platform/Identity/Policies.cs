using Microsoft.AspNetCore.Authorization;

namespace Lianjian.Web.Platform.Identity;

public static class Policies
{
    /// <summary>Staff who change organizations, people and alliances (within their scope).</summary>
    public const string Staff = nameof(Staff);

    /// <summary>System and committee admins: audit log, accounts.</summary>
    public const string Admin = nameof(Admin);

    public const string SystemAdmin = nameof(SystemAdmin);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireRole(Roles.SystemAdmin, Roles.CommitteeAdmin, Roles.OrganizationAdmin));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.SystemAdmin, Roles.CommitteeAdmin));
        options.AddPolicy(SystemAdmin, p => p.RequireRole(Roles.SystemAdmin));
    }
}
