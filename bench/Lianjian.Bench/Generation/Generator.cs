using System.Diagnostics;
using Lianjian.Web.Modules.Accounts;
using Lianjian.Web.Modules.Accounts.UseCases;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Bench.Generation;

/// <summary><c>generate</c>: migrate an empty database, bulk-load the tree and the people, create the bench accounts.</summary>
public static class Generator
{
    public const string Password = "Lianjian@2026";
    public const string AdminUser = "bench-admin";
    public const string CountyUser = "bench-county";

    /// <summary>The county the scoped admin acts for (the first and largest county).</summary>
    public const string BenchCounty = "定海区";

    public static async Task<int> RunAsync(Options options)
    {
        var provider = options.Provider;
        var connection = options.Connection;
        var organizations = options.Int("organizations", 10_000);
        var people = options.Int("people", 100_000);
        var seed = options.Int("seed", 20260101);
        var total = Stopwatch.StartNew();

        if (options.Flag("reset")) await BenchHost.ResetAsync(provider, connection);
        await using var app = BenchHost.Build(provider, connection);
        await DatabaseSetup.MigrateAsync(app.Services);
        Console.WriteLine($"migrated ({provider}) in {total.Elapsed.TotalSeconds:F1} s");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Organizations.AnyAsync() || await db.People.AnyAsync())
        {
            Console.Error.WriteLine("the database is not empty: generate needs a fresh database (add --reset to recreate it)");
            return 1;
        }

        var step = Stopwatch.StartNew();
        var rng = new Random(seed);
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var ids = new IdSource(rng, now);
        var tree = new TreeBuilder(rng, ids, now, organizations).Build();
        var crowd = new PeopleBuilder(rng, ids, now, tree).Build(people);
        Console.WriteLine($"built {tree.All.Count:N0} organizations, {crowd.People.Count:N0} people, {crowd.StationedPeriods.Count:N0} stationed periods, " +
                          $"{crowd.Registrations.Count:N0} community registrations in memory in {step.Elapsed.TotalSeconds:F1} s");

        step.Restart();
        var writer = new BulkWriter(db);
        await writer.WriteAsync(tree.All);
        var orgSeconds = step.Elapsed.TotalSeconds;
        step.Restart();
        await writer.WriteAsync(crowd.People);
        await writer.WriteAsync(crowd.StationedPeriods);
        await writer.WriteAsync(crowd.Registrations);
        Console.WriteLine($"wrote organizations in {orgSeconds:F1} s, people in {step.Elapsed.TotalSeconds:F1} s");

        if (provider == DatabaseProvider.Postgres)
        {
            // What autovacuum would do a minute after a bulk load; SQLite is left as the app leaves it (no ANALYZE).
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        await CreateAccountsAsync(scope.ServiceProvider, db, tree.Counties.First(c => c.Name == BenchCounty), now);
        await VerifyAsync(db, tree);
        Console.WriteLine($"generate done in {total.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static async Task CreateAccountsAsync(IServiceProvider services, AppDbContext db, Organization county, DateTime now)
    {
        var (ok, message) = await services.GetRequiredService<CreateFirstAdmin>().ExecuteAsync(AdminUser, Password, "压测系统管理员");
        if (!ok) throw new InvalidOperationException(message);

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = CountyUser, DisplayName = county.Name + "压测管理员", CreatedAt = now, LockoutEnabled = true };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.OrganizationAdmin);
        db.Add(new UserOrganization { UserId = user.Id, OrganizationId = county.Id });
        await db.SaveChangesAsync();
        Console.WriteLine($"accounts: {AdminUser} (系统管理员), {CountyUser} (组织管理员, {county.Name}); password {Password}");
    }

    /// <summary>Reads the data back through the app's model and predicates: ids, paths and conversions must round-trip.</summary>
    private static async Task VerifyAsync(AppDbContext db, TreeBuilder tree)
    {
        db.ChangeTracker.Clear();
        var orgCount = await db.Organizations.CountAsync();
        var peopleCount = await db.People.CountAsync();
        var maxDepth = await db.Organizations.MaxAsync(o => o.Depth);
        var deepestGrid = await db.Organizations.Where(o => o.Kind == OrganizationKind.Grid).MaxAsync(o => o.GridLevel);
        var sample = tree.Grids[5].LastOrDefault() ?? tree.All[^1];
        var loaded = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == sample.Id);
        if (loaded.Path != sample.Path || loaded.Depth != sample.Depth) throw new InvalidOperationException("organization path did not round-trip");
        var withSkills = await db.People.AsNoTracking().FirstAsync(p => p.Skills.Count > 0);
        if (withSkills.Skills.Count == 0) throw new InvalidOperationException("skills did not round-trip");

        Console.WriteLine($"verified: {orgCount:N0} organizations (max depth {maxDepth}, grids to level {deepestGrid}), {peopleCount:N0} people");
        foreach (var county in tree.Counties)
        {
            var orgs = await db.Organizations.Under(county.Path).CountAsync();
            var inCounty = await db.People.Where(PathPredicate.Under<Person>(p => p.Organization.Path, [county.Path])).CountAsync();
            Console.WriteLine($"  {county.Name}: {orgs:N0} organizations, {inCounty:N0} people");
        }

        var byKind = await db.People.GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Console.WriteLine("  people by kind: " + string.Join(", ", byKind.OrderByDescending(k => k.Count).Select(k => $"{k.Key.Label()} {k.Count:N0}")));
        var orgKinds = await db.Organizations.GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Console.WriteLine("  organizations by kind: " + string.Join(", ", orgKinds.OrderByDescending(k => k.Count).Select(k => $"{k.Key.Label()} {k.Count:N0}")));
    }
}
