using Lianjian.Web.Platform.Caching;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Organizations;

/// <summary>
/// Every organization's ancestor path, read once and shared (a singleton): lets the statistics place thousands of orders
/// in subtrees without a lookup per order in SQL (docs/decisions/0012; the three shared copies — categories, organization paths, open deadlines — are each a `Platform/Caching/SharedSnapshot`). An id the copy does not know reloads it once (an
/// organization created since); a move shows after at most <see cref="MaxAge"/> (the same staleness as the data scope
/// across nodes). About 100 bytes per organization.
/// </summary>
public sealed class OrganizationPathCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SharedSnapshot<IReadOnlyDictionary<Guid, string>> _paths = new(MaxAge, clock);

    /// <summary>The paths of all organizations, read again once if one of <paramref name="ids"/> is not known yet.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> PathsAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var all = await LoadAsync(ct);
        if (ids.All(all.ContainsKey)) return all;
        _paths.Invalidate();
        return await LoadAsync(ct);
    }

    private Task<IReadOnlyDictionary<Guid, string>> LoadAsync(CancellationToken ct) => _paths.GetAsync(async token =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Path }).ToDictionaryAsync(o => o.Id, o => o.Path, token);
    }, ct);
}
