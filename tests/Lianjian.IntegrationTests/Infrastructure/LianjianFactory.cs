using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianjian.Web.Platform.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Lianjian.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over real HTTP on a real database: a fresh SQLite file, or a fresh database on the PostgreSQL
/// server that scripts/test.sh starts (LIANJIAN_PG). Migrated and filled with the Zhoushan demo data.
/// </summary>
public abstract class LianjianFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lianjian-it-" + Guid.NewGuid().ToString("N"));
    private string? _pgDatabase;
    private readonly Dictionary<string, string> _tokens = [];

    protected LianjianFactory(DatabaseProvider provider) => Provider = provider;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        if (Provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("LIANJIAN_PG")
                ?? throw new InvalidOperationException("LIANJIAN_PG is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
            _pgDatabase = "lianjian_it_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_pgDatabase}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _pgDatabase }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(_dataDirectory, "lianjian.db")}";
        }

        // Building the server migrates and seeds.
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Lianjian:Database:Provider", Provider.ToString());
        builder.UseSetting("Lianjian:Database:ConnectionString", ConnectionString);
        builder.UseSetting("Lianjian:DataDirectory", _dataDirectory);
        builder.UseSetting("Lianjian:SeedDemoData", "true");
        builder.UseSetting("Lianjian:MigrateOnStartup", "true");
        // Tests run jobs themselves, by resolving them, when they choose to (no timers racing the assertions).
        builder.UseSetting("Lianjian:Jobs:Enabled", "false");
    }

    /// <summary>Whether <see cref="LoginAs"/> reuses a user's token (valid 8 hours by the app's clock).</summary>
    protected virtual bool CacheTokens => true;

    /// <summary>An HTTP client signed in (bearer token) as one of the demo accounts.</summary>
    public async Task<HttpClient> LoginAs(string userName, string password = Lianjian.Web.Modules.Accounts.DemoSignIns.Password)
    {
        if (!CacheTokens || !_tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
            _tokens[userName] = token = body!.AccessToken;
        }

        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            // The throwaway database of this fixture. A drop can meet a passing lock (another fixture creating or dropping
            // its own database at the same moment): try again a few times; a database left behind harms nothing, so the
            // last failure is reported, not thrown (it would fail a run whose tests all passed).
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("LIANJIAN_PG"));
                    await admin.OpenAsync();
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", admin);
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (attempt < 5)
                {
                    Console.Error.WriteLine($"DROP DATABASE {_pgDatabase}, attempt {attempt}: {e.SqlState} {e.MessageText}");
                    await Task.Delay(500 * attempt);
                }
                catch (PostgresException e)
                {
                    Console.Error.WriteLine($"DROP DATABASE {_pgDatabase} gave up: {e.SqlState} {e.MessageText}");
                    break;
                }
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed record TokenResponse(string AccessToken);
}

public sealed class SqliteApp() : LianjianFactory(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : LianjianFactory(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "postgres";
}
