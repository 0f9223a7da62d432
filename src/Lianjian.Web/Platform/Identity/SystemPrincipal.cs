using System.Security.Claims;

namespace Lianjian.Web.Platform.Identity;

/// <summary>
/// The app itself, acting for a scheduled job that must read through queries written for a signed-in user (the job has
/// no user, and the data it writes belongs to no one's request): a system admin — unrestricted scope, staff — with no
/// account (<see cref="UserId"/> is the empty id, which no account has). Put it on the job's own DI scope, never on a request.
/// </summary>
public static class SystemPrincipal
{
    public const string Name = "系统定时任务";

    public static readonly Guid UserId = Guid.Empty;

    public static ClaimsPrincipal Create() => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, UserId.ToString()),
            new Claim(ClaimTypes.Name, Name),
            new Claim(ClaimTypes.Role, Roles.SystemAdmin),
        ],
        authenticationType: "system"));

    public static bool IsSystem(this ICurrentUser user) => user.UserId == UserId;
}
