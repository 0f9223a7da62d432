using Lianjian.Web.Platform.Identity;

namespace Lianjian.Bench.Scenarios;

/// <summary>
/// The signed-in user for the app's query classes run in-process (no HttpContext). Its scope is the one the app
/// computes (<c>CurrentUser.LoadScopeAsync</c>), loaded once like the app's per-request cache.
/// </summary>
public sealed class BenchUser(Guid userId, string userName, string role, DataScope scope) : ICurrentUser
{
    public Guid? UserId => userId;

    public string UserName => userName;

    public bool IsAuthenticated => true;

    public bool IsInRole(string r) => r == role;

    public Task<DataScope> GetScopeAsync(CancellationToken ct = default) => Task.FromResult(scope);

    public Task<UserProfile?> GetProfileAsync(CancellationToken ct = default) => Task.FromResult<UserProfile?>(new UserProfile(userName, null, null));
}
