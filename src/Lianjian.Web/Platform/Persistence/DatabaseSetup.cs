using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform.Persistence;

/// <summary>Applies migrations (start-up in development, the <c>migrate</c> command in production).</summary>
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
    }
}
