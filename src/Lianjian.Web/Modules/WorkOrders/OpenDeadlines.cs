using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Caching;
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

    private readonly SharedSnapshot<OpenDeadline[]> _all = new(MaxAge, clock);

    public void Invalidate() => _all.Invalidate();

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

    private Task<OpenDeadline[]> AllAsync(CancellationToken ct) => _all.GetAsync(async token =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.WorkOrders.AsNoTracking().Where(o => o.DueAt != null).OrderBy(o => o.DueAt).ThenBy(o => o.Id)
            .Select(o => new { o.Id, DueAt = o.DueAt!.Value, o.SubmittedAt, o.PlaceOrganizationId }).ToListAsync(token);
        var paths = await organizationPaths.PathsAsync(rows.Select(r => r.PlaceOrganizationId).Distinct(), token);
        return rows.Where(r => paths.ContainsKey(r.PlaceOrganizationId))
            .Select(r => new OpenDeadline(r.Id, r.DueAt, r.SubmittedAt, paths[r.PlaceOrganizationId])).ToArray();
    }, ct);
}
