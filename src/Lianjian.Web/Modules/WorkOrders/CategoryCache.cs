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

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;
    private long _version;

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

    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        Volatile.Write(ref _snapshot, null);
    }

    private async Task<IReadOnlyDictionary<Guid, Category>> AllAsync(CancellationToken ct)
    {
        if (Fresh(Volatile.Read(ref _snapshot)) is { } cached) return cached;
        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh(Volatile.Read(ref _snapshot)) is { } loaded) return loaded;
            var version = Interlocked.Read(ref _version);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var all = await db.WorkOrderCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
            // A change saved while this load ran may be missing from it: serve it to this caller, but keep nothing.
            if (Interlocked.Read(ref _version) == version) Volatile.Write(ref _snapshot, new Snapshot(all, clock.GetUtcNow()));
            return all;
        }
        finally
        {
            _loading.Release();
        }
    }

    private IReadOnlyDictionary<Guid, Category>? Fresh(Snapshot? snapshot) =>
        snapshot is not null && clock.GetUtcNow() - snapshot.BuiltAt < MaxAge ? snapshot.Categories : null;

    private sealed record Snapshot(IReadOnlyDictionary<Guid, Category> Categories, DateTimeOffset BuiltAt);
}
