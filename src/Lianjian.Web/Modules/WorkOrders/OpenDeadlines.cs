using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>An open order's deadline that applies now (<see cref="WorkOrder.DueAt"/>), when it was submitted, and where.</summary>
public readonly record struct OpenDeadline(long Id, DateTime DueAt, DateTime SubmittedAt, string PlacePath);

/// <summary>
/// The deadlines of all open orders, read from the DueAt index and shared by the statistics (a singleton): 超时在办 is
/// the prefix past now, counted per subtree and period in memory (docs/decisions/0012). Every SaveChanges that touches
/// a work order drops the copy (<see cref="WorkOrderCountsInterceptor"/>); other nodes' writes show after at most
/// <see cref="MaxAge"/>. Writes that bypass SaveChanges (bulk SQL) call <see cref="Invalidate"/> or wait out the age.
/// </summary>
public sealed class OpenDeadlines(IServiceScopeFactory scopes, OrganizationPathCache organizationPaths, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;
    private long _version;

    public void Invalidate() => Interlocked.Increment(ref _version);

    /// <summary>The open orders whose deadline has passed at <paramref name="now"/>, earliest deadline first.</summary>
    public async Task<ArraySegment<OpenDeadline>> OverdueAsync(DateTime now, CancellationToken ct = default)
    {
        var all = await AllAsync(ct);
        // Sorted by deadline: the overdue ones are a prefix (binary search for the first deadline not before now).
        int lo = 0, hi = all.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (all[mid].DueAt < now) lo = mid + 1;
            else hi = mid;
        }

        return new ArraySegment<OpenDeadline>(all, 0, lo);
    }

    private async Task<OpenDeadline[]> AllAsync(CancellationToken ct)
    {
        if (Fresh(Volatile.Read(ref _snapshot)) is { } cached) return cached;
        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh(Volatile.Read(ref _snapshot)) is { } loaded) return loaded;
            var version = Interlocked.Read(ref _version);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.WorkOrders.AsNoTracking().Where(o => o.DueAt != null).OrderBy(o => o.DueAt).ThenBy(o => o.Id)
                .Select(o => new { o.Id, DueAt = o.DueAt!.Value, o.SubmittedAt, o.PlaceOrganizationId }).ToListAsync(ct);
            var paths = await organizationPaths.PathsAsync(rows.Select(r => r.PlaceOrganizationId).Distinct(), ct);
            var orders = rows.Where(r => paths.ContainsKey(r.PlaceOrganizationId))
                .Select(r => new OpenDeadline(r.Id, r.DueAt, r.SubmittedAt, paths[r.PlaceOrganizationId])).ToArray();
            Volatile.Write(ref _snapshot, new Snapshot(version, clock.GetUtcNow(), orders));
            return orders;
        }
        finally
        {
            _loading.Release();
        }
    }

    private OpenDeadline[]? Fresh(Snapshot? s) =>
        s is not null && s.Version == Interlocked.Read(ref _version) && clock.GetUtcNow() - s.BuiltAt < MaxAge ? s.Orders : null;

    private sealed record Snapshot(long Version, DateTimeOffset BuiltAt, OpenDeadline[] Orders);
}
