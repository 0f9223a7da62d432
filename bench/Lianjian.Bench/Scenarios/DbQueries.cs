using System.Diagnostics;
using Lianjian.Bench.Generation;
using Lianjian.Web.Modules.Accounts;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.Organizations.Queries;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Modules.People.Queries;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Bench.Scenarios;

/// <summary>
/// The subtree queries timed straight against the DbContext, in-process (no HTTP): the bare path-range predicate
/// and the app's own query classes for the scoped county admin and the system admin.
/// </summary>
public sealed class DbQueries
{
    public const string SubtreeTarget = "p95 ≤ 10 ms";

    private DbQueries(string engine, BenchDb db, Organization county, int countyOrganizations, int countyPeople, Guid countyUserId, BenchUser countyAdmin, BenchUser systemAdmin)
    {
        Engine = engine;
        Db = db;
        County = county;
        CountyOrganizations = countyOrganizations;
        CountyPeople = countyPeople;
        CountyUserId = countyUserId;
        CountyAdmin = countyAdmin;
        SystemAdmin = systemAdmin;
    }

    /// <summary>The database engine and version the app talks to (the bundled SQLite library, or the PostgreSQL server).</summary>
    public string Engine { get; }

    public BenchDb Db { get; }

    public Organization County { get; }

    public int CountyOrganizations { get; }

    public int CountyPeople { get; }

    public Guid CountyUserId { get; }

    public BenchUser CountyAdmin { get; }

    public BenchUser SystemAdmin { get; }

    public static async Task<DbQueries> LoadAsync(BenchDb benchDb, string countyName)
    {
        await using var db = benchDb.Create();
        var county = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Name == countyName && o.Kind == OrganizationKind.County)
            ?? throw new OptionException($"county '{countyName}' not found: run generate first");
        var orgs = await db.Organizations.Under(county.Path).CountAsync();
        var people = await db.People.Where(PathPredicate.Under<Person>(p => p.Organization.Path, [county.Path])).CountAsync();
        var countyUser = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == Generator.CountyUser)
            ?? throw new OptionException($"account {Generator.CountyUser} not found: run generate first");
        var admin = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == Generator.AdminUser);
        var scope = await CurrentUser.LoadScopeAsync(db, countyUser.Id, CancellationToken.None);
        var version = await db.Database.SqlQueryRaw<string>(benchDb.Provider == DatabaseProvider.Sqlite
            ? "SELECT 'SQLite ' || sqlite_version() AS \"Value\"" : "SELECT 'PostgreSQL ' || current_setting('server_version') AS \"Value\"").SingleAsync();
        return new DbQueries(version, benchDb, county, orgs, people, countyUser.Id,
            new BenchUser(countyUser.Id, Generator.CountyUser, Roles.OrganizationAdmin, scope),
            new BenchUser(admin.Id, Generator.AdminUser, Roles.SystemAdmin, DataScope.Everything));
    }

    /// <summary>Name, target, query. Each run gets a fresh DbContext, as each request does in the app.</summary>
    public IReadOnlyList<(string Name, string Target, Func<AppDbContext, Task> Run)> All()
    {
        var path = County.Path;
        var id = County.Id;
        return
        [
            ("raw: subtree count (Path range)", SubtreeTarget, db => db.Organizations.AsNoTracking().Under(path).CountAsync()),
            ("raw: subtree first page of 50 (Path range, search order)", SubtreeTarget, db => db.Organizations.AsNoTracking().Under(path).Where(o => o.IsActive)
                .OrderBy(o => o.Depth).ThenBy(o => o.SortOrder).ThenBy(o => o.Name).Take(50).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync()),
            ($"raw: subtree all ids ({CountyOrganizations:N0} rows)", SubtreeTarget, db => db.Organizations.AsNoTracking().Under(path).Select(o => o.Id).ToListAsync()),
            ($"raw: people in subtree, count ({CountyPeople:N0})", "", db => db.People.AsNoTracking().Where(PathPredicate.Under<Person>(p => p.Organization.Path, [path])).CountAsync()),
            ("app: data scope of the county admin (per request)", "", db => CurrentUser.LoadScopeAsync(db, CountyUserId, CancellationToken.None)),
            ("app: OrganizationsQuery.Search under county, county admin", "", db => new OrganizationsQuery(db, CountyAdmin).SearchAsync(new OrganizationFilter(Under: id, PageSize: 50))),
            ("app: OrganizationsQuery.Search under county, system admin", "", db => new OrganizationsQuery(db, SystemAdmin).SearchAsync(new OrganizationFilter(Under: id, PageSize: 50))),
            ("app: OrganizationsQuery.Children of county (tree level)", "", db => new OrganizationsQuery(db, CountyAdmin).ChildrenAsync(id)),
            ("app: PeopleQuery.Search in county, county admin", "", db => new PeopleQuery(db, CountyAdmin).SearchAsync(new PersonFilter(OrganizationId: id))),
            ("app: PeopleQuery.Search in county, system admin", "", db => new PeopleQuery(db, SystemAdmin).SearchAsync(new PersonFilter(OrganizationId: id))),
        ];
    }

    /// <summary><c>queries</c>: the in-process timings alone.</summary>
    public static async Task<int> RunAsync(Options options)
    {
        var queries = await LoadAsync(new BenchDb(options.Provider, options.Connection), options.Get("county") ?? Generator.BenchCounty);
        Console.WriteLine($"{queries.Engine}: county {queries.County.Name} has {queries.CountyOrganizations:N0} organizations and {queries.CountyPeople:N0} people; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine(Measurement.Header);
        foreach (var m in await queries.TimeAllAsync(options.Int("raw-requests", 500), TimeSpan.FromSeconds(options.Int("max-seconds", 120))))
            Console.WriteLine(m.Row());
        return 0;
    }

    /// <summary>
    /// Times every query <paramref name="count"/> times, round-robin (one of each per round), so that a disturbance of a
    /// shared machine lands on all of them alike rather than on whichever ran at that moment.
    /// </summary>
    public async Task<List<Measurement>> TimeAllAsync(int count, TimeSpan cap)
    {
        var queries = All();
        foreach (var (_, _, run) in queries)
        {
            for (var i = 0; i < Math.Min(20, count); i++)
            {
                await using var warm = Db.Create();
                await run(warm);
            }
        }

        var latencies = queries.Select(_ => new List<double>(count)).ToArray();
        var wall = Stopwatch.StartNew();
        for (var round = 0; round < count && wall.Elapsed < cap; round++)
        {
            for (var k = 0; k < queries.Count; k++)
            {
                var sw = Stopwatch.StartNew();
                await using (var db = Db.Create()) await queries[k].Run(db);
                latencies[k].Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        // req/s here is 1000 / mean latency: the queries ran one after another.
        return queries.Select((q, k) => new Measurement(q.Name, 1, latencies[k], 0, latencies[k].Sum() / 1000, 0, q.Target,
            latencies[k].Count < count ? $"stopped at the {cap.TotalSeconds:F0} s cap" : null)).ToList();
    }
}
