using System.Diagnostics;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Bench.Scenarios;

/// <summary><c>migrate</c>: applies the app's pending migrations to an existing bench database, then its start-up data
/// steps (reference data, backfills), and prints how long each took and how the SQLite file grew.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        await using var app = BenchHost.Build(options.Provider, options.Connection);
        var file = options.Provider == DatabaseProvider.Sqlite ? Path.GetFullPath(BenchHost.SqliteFile(options.Connection)) : null;
        long Size() => file is null ? 0 : new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        var before = Size();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            Console.WriteLine($"pending: {(pending.Count == 0 ? "none" : string.Join(", ", pending))}");
            var sw = Stopwatch.StartNew();
            await db.Database.MigrateAsync();
            Console.WriteLine($"migrations: {sw.Elapsed.TotalSeconds:F1} s");
        }

        var steps = Stopwatch.StartNew();
        await DatabaseSetup.MigrateAsync(app.Services); // no migration left: the start-up data steps only
        Console.WriteLine($"start-up data steps (reference data, backfills): {steps.Elapsed.TotalSeconds:F1} s");
        if (file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Console.WriteLine($"file: {before / 1e6:N0} MB → {Size() / 1e6:N0} MB (incl. WAL)");
        }

        return 0;
    }
}
