using Lianjian.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Lianjian.Web.Modules.Accounts.UseCases;

/// <summary>
/// Production has no default password: the first system admin is created by the command
/// <c>dotnet Lianjian.Web.dll create-admin --user NAME --password PASSWORD</c>.
/// </summary>
public sealed class CreateFirstAdmin(UserManager<AppUser> users, RoleManager<AppRole> roles, TimeProvider clock)
{
    public async Task<(bool Ok, string Message)> ExecuteAsync(string userName, string password, string? displayName = null)
    {
        await EnsureRolesAsync(roles);
        if (await users.FindByNameAsync(userName) is not null) return (false, $"账号 {userName} 已存在。");
        var user = new AppUser { UserName = userName, DisplayName = displayName ?? "系统管理员", CreatedAt = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return (false, string.Join("；", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.SystemAdmin);
        return (true, $"已创建系统管理员 {userName}。");
    }

    public static async Task EnsureRolesAsync(RoleManager<AppRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new AppRole(role));
        }
    }
}
