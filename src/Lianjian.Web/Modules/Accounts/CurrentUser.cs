using System.Security.Claims;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Accounts;

/// <summary>
/// The signed-in user of this request (or Blazor circuit) and their data scope, loaded once and cached.
/// In a circuit the principal comes from <see cref="UserCircuitHandler"/>; in a request, from the HttpContext.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, IServiceProvider services, AccessCache cache) : ICurrentUser
{
    private ClaimsPrincipal? _principal;
    private AccessCache.Access? _access;

    public ClaimsPrincipal Principal => _principal ?? http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public Guid? UserId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => Principal.Identity?.Name ?? "";

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public bool IsInRole(string role) => Principal.IsInRole(role);

    internal void SetPrincipal(ClaimsPrincipal principal)
    {
        _principal = principal;
        _access = null;
    }

    public async Task<DataScope> GetScopeAsync(CancellationToken ct = default) => (await AccessAsync(ct))?.Scope ?? DataScope.Nothing;

    public async Task<UserProfile?> GetProfileAsync(CancellationToken ct = default) => (await AccessAsync(ct))?.Profile;

    /// <summary>The scope and profile: this request's copy, else the shared <see cref="AccessCache"/>, else the database.</summary>
    private async Task<AccessCache.Access?> AccessAsync(CancellationToken ct)
    {
        if (_access is not null) return _access;
        if (!IsAuthenticated || UserId is not { } userId) return null;
        if (cache.Find(userId) is { } cached) return _access = cached;

        var generation = cache.Generation;
        // A separate context: the caller's DbContext may be in the middle of its own work.
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dataScope = IsInRole(Roles.SystemAdmin) ? DataScope.Everything : await LoadScopeAsync(db, userId, ct);
        var people = db.People;
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new
        {
            u.DisplayName,
            u.UserName,
            u.PersonId,
            PersonPath = people.Where(p => p.Id == u.PersonId && p.IsActive).Select(p => p.Organization.Path).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        var name = string.IsNullOrWhiteSpace(account?.DisplayName) ? account?.UserName ?? UserName : account.DisplayName;
        var profile = new UserProfile(name, account?.PersonPath is null ? null : account.PersonId, account?.PersonPath);
        _access = new AccessCache.Access(dataScope, profile);
        cache.Store(userId, generation, _access);
        return _access;
    }

    public static async Task<DataScope> LoadScopeAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var paths = await db.Set<UserOrganization>().Where(u => u.UserId == userId)
            .Join(db.Organizations, u => u.OrganizationId, o => o.Id, (u, o) => o)
            .Where(o => o.IsActive)
            .Select(o => o.Path).ToListAsync(ct);

        // A path under another of the user's paths adds nothing.
        paths = paths.Where(p => !paths.Any(q => q != p && p.StartsWith(q, StringComparison.Ordinal))).ToList();
        return paths.Count == 0 ? DataScope.Nothing : new DataScope(false, paths);
    }
}

/// <summary>Hands the circuit's authenticated user to <see cref="CurrentUser"/> (ASP.NET Core's documented pattern).</summary>
public sealed class UserCircuitHandler(AuthenticationStateProvider authentication, CurrentUser currentUser) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        currentUser.SetPrincipal((await authentication.GetAuthenticationStateAsync()).User);
    }

    private void OnChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => currentUser.SetPrincipal(t.Result.User), TaskScheduler.Default);

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
