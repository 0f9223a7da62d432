using Lianjian.Web.Modules.Accounts;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform;
using Lianjian.Web.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lianjian.Bench;

/// <summary>
/// The app's own service wiring (platform + accounts + work orders) without its web server, so the bench uses exactly the app's
/// DbContext, migrations, SQLite pragmas and Identity stores. Nothing is listening.
/// </summary>
public static class BenchHost
{
    public static WebApplication Build(DatabaseProvider provider, string connection)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lianjian:Database:Provider"] = provider.ToString(),
            ["Lianjian:Database:ConnectionString"] = connection,
            ["Lianjian:DataDirectory"] = DataDirectory(provider, connection),
            ["Lianjian:SeedDemoData"] = "false",
            ["Lianjian:MigrateOnStartup"] = "false",
        });
        builder.AddLianjianPlatform();
        builder.Services.AddAccountsModule();
        // For its reference data (starter categories and the default ladder), written by DatabaseSetup after migrating.
        builder.Services.AddWorkOrdersModule();
        return builder.Build();
    }

    /// <summary>The SQLite file's folder (the app creates its data folder there); a temp folder for PostgreSQL.</summary>
    private static string DataDirectory(DatabaseProvider provider, string connection) =>
        provider == DatabaseProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(SqliteFile(connection))) ?? Path.GetTempPath()
            : Path.Combine(Path.GetTempPath(), "lianjian-bench-data");

    public static string SqliteFile(string connection) => new SqliteConnectionStringBuilder(connection).DataSource;

    /// <summary>--reset: a fresh, empty database. Refuses PostgreSQL databases whose name lacks "bench".</summary>
    public static async Task ResetAsync(DatabaseProvider provider, string connection)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.GetFullPath(SqliteFile(connection));
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            return;
        }

        var target = new NpgsqlConnectionStringBuilder(connection);
        var name = target.Database ?? throw new OptionException("the PostgreSQL connection string needs Database=...");
        if (!name.Contains("bench", StringComparison.OrdinalIgnoreCase))
            throw new OptionException($"--reset drops the database; its name must contain 'bench' (got '{name}')");
        var server = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false };
        await using var admin = new NpgsqlConnection(server.ConnectionString);
        await admin.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin)) await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin)) await create.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
