using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Statistics.Queries;

/// <summary>A closed case as the wall shows it: no requester, the description masked (PersonalDataMasker).</summary>
public sealed record ScreenCase(string Number, string CategoryName, string PlaceName, DateTime SubmittedAt, DateTime? ResolvedAt, int? Rating, string Description);

/// <summary>One sub-organization on the schematic map: its figures for the year and how many organizations lie under it.</summary>
public sealed record ScreenPlace(Guid OrganizationId, string Name, string KindLabel, int Rank, int Received, int Valid, int Resolved,
    double? ResolutionRate, double? SatisfactionRate, int OpenOverdue, int Descendants);

/// <summary>
/// 大屏: this year's figures for a subtree (as the dashboard computes them), today's new orders, the sub-organizations for
/// the schematic map, the trend of the last twelve months and the latest closed cases.
/// </summary>
public sealed record Screen(
    Guid? OrganizationId, string OrganizationName, DateOnly From, DateOnly To, WorkOrderStats Year, WorkOrderStats LastYear,
    int ReceivedToday, IReadOnlyList<ScreenPlace> Places, IReadOnlyList<MonthTrend> Trend, IReadOnlyList<ScreenCase> LatestClosed, DateTime GeneratedAt);

public sealed class ScreenQuery(AppDbContext db, DashboardQuery dashboards, WorkOrdersQuery orders, OrganizationPathCache organizationPaths, TimeProvider clock)
{
    public const int CaseCount = 8;

    /// <summary>Subtrees up to this many organizations find their latest closed orders through their places' index.</summary>
    public const int SmallSubtree = 300;

    /// <summary>
    /// The newest closed orders (已评价, 已销号) of the subtree. A small subtree (a township, a village, a grid) reads its
    /// places' own orders (the place index), because walking all orders newest first would pass most of the database
    /// before finding a few of its own; a large one walks newest first (it finds its own at once).
    /// </summary>
    private async Task<IReadOnlyList<WorkOrderRow>> LatestClosedAsync(Guid? organizationId, string? path, CancellationToken ct)
    {
        if (path is not null)
        {
            var all = await organizationPaths.PathsAsync(organizationId is { } id ? [id] : [], ct);
            var places = all.Where(p => p.Value.StartsWith(path, StringComparison.Ordinal)).Select(p => p.Key).Take(SmallSubtree + 1).ToList();
            if (places.Count <= SmallSubtree)
            {
                var ids = await db.WorkOrders.AsNoTracking()
                    .Where(o => places.Contains(o.PlaceOrganizationId) && (o.Status == WorkOrderStatus.Rated || o.Status == WorkOrderStatus.Closed))
                    .OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id).Take(CaseCount).Select(o => o.Id).ToListAsync(ct);
                return await orders.RowsAsync(ids, ct);
            }
        }

        var closed = await orders.ListAsync(new WorkOrderFilter { OrganizationId = organizationId, Statuses = [WorkOrderStatus.Rated, WorkOrderStatus.Closed] },
            null, CaseCount, withCounts: false, ct);
        return closed.IsSuccess ? closed.Value.Items : [];
    }

    public async Task<Result<Screen>> GetAsync(Guid? organizationId, CancellationToken ct = default)
    {
        var today = ChinaClock.Today(clock);
        var yearStart = new DateOnly(today.Year, 1, 1);
        // The last twelve months for the trend line (the year so far is often too short in spring), from the same read
        // of day rows as the year's figures.
        var trendStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var read = await dashboards.ReadAsync(organizationId, yearStart, today, trendStart.AddYears(-1), ct);
        if (!read.IsSuccess) return read.Error;
        var (d, target, days) = read.Value;
        var trend = DashboardQuery.Trend(days, trendStart, today);
        var receivedToday = days.Where(x => x.Day == today).Sum(x => x.Figures.Received);

        // How many organizations lie under each sub-organization: counted in the shared paths, not a query each.
        var ids = d.SubOrganizations.Select(s => s.Stats.OrganizationId!.Value).ToList();
        var paths = await organizationPaths.PathsAsync(ids, ct);
        var descendants = ids.Where(paths.ContainsKey).ToDictionary(id => id, id =>
        {
            var prefix = paths[id];
            return paths.Values.Count(p => p.Length > prefix.Length && p.StartsWith(prefix, StringComparison.Ordinal));
        });

        var places = d.SubOrganizations.Select(s => new ScreenPlace(s.Stats.OrganizationId!.Value, s.Stats.OrganizationName, s.KindLabel, s.Rank,
            s.Stats.Received, s.Stats.Valid, s.Stats.Resolved, s.Stats.ResolutionRate, s.Stats.SatisfactionRate, s.Stats.OpenOverdue,
            descendants.GetValueOrDefault(s.Stats.OrganizationId!.Value))).ToList();

        var latest = await LatestClosedAsync(organizationId, target.Path, ct);
        var cases = latest.Select(o => new ScreenCase(o.Number, o.CategoryName, o.PlaceName, o.SubmittedAt, o.ResolvedAt, o.Rating,
            PersonalDataMasker.Excerpt(o.Description, 40))).ToList();

        return new Screen(organizationId, d.OrganizationName, d.From, d.To, d.Current, d.LastYear, receivedToday, places, trend, cases, d.GeneratedAt);
    }
}
