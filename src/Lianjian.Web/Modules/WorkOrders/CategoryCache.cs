using Lianjian.Web.Platform.Caching;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>
/// The service categories as the database holds them, read once and shared (a singleton), so that a submission does not
/// query the dictionary (issue 3 speed). The category use cases call <see cref="Invalidate"/> after a change; other app
/// nodes do not hear of it, so the copy also expires after <see cref="MaxAge"/>. An id the copy does not know is looked
/// up in the database (a category created on another node). The cached entities are shared: read them, never change or
/// attach them.
/// </summary>
public sealed class CategoryCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SharedSnapshot<IReadOnlyDictionary<Guid, Category>> _all = new(MaxAge, clock);

    /// <summary>The active category with this id, or null.</summary>
    public async Task<Category?> ActiveAsync(Guid? id, CancellationToken ct = default)
    {
        if (id is not { } key) return null;
        var all = await AllAsync(ct);
        if (all.TryGetValue(key, out var known)) return known.IsActive ? known : null;
        Invalidate();
        return (await AllAsync(ct)).GetValueOrDefault(key) is { IsActive: true } found ? found : null;
    }

    /// <summary>All categories (active or not), read again once if one of <paramref name="ids"/> is not known yet.</summary>
    public async Task<IReadOnlyDictionary<Guid, Category>> AllAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var all = await AllAsync(ct);
        if (ids.All(all.ContainsKey)) return all;
        Invalidate();
        return await AllAsync(ct);
    }

    public void Invalidate() => _all.Invalidate();

    private Task<IReadOnlyDictionary<Guid, Category>> AllAsync(CancellationToken ct) => _all.GetAsync(async token =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.WorkOrderCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, token);
    }, ct);
}
