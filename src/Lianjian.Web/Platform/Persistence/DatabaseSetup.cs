using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform.Persistence;

/// <summary>
/// Applies migrations (start-up in development, the <c>migrate</c> command in production), then lets each module write
/// its starter reference data (a default escalation ladder, the service categories …) into tables that are still empty.
/// </summary>
public static class DatabaseSetup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one writer commits; it is stored in the file, so once is enough.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await db.Database.MigrateAsync(ct);
        foreach (var seeder in scope.ServiceProvider.GetServices<IReferenceDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(db, ct);
        }
    }
}

/// <summary>
/// A module's starter reference data: written once, when its tables are empty, in every environment (unlike demo data).
/// Afterwards the data belong to the admins, who edit them; the seeder never overwrites.
/// </summary>
public interface IReferenceDataSeeder
{
    int Order { get; }

    Task SeedAsync(AppDbContext db, CancellationToken ct);
}
