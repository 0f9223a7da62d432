using Lianjian.Web.Platform.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lianjian.IntegrationTests.Infrastructure;

/// <summary>
/// The app with a clock the tests move forward (months, for periods and comparisons), on a database of its own so the
/// jumps touch no other test.
/// </summary>
public abstract class ClockApp(DatabaseProvider provider) : LianjianFactory(provider)
{
    public TestClock Clock { get; } = new();

    // A token lives 8 hours by the app's clock, which the tests move by months: sign in afresh each time.
    protected override bool CacheTokens => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteClockApp() : ClockApp(DatabaseProvider.Sqlite);

public sealed class PostgresClockApp() : ClockApp(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteClockCollection : ICollectionFixture<SqliteClockApp>
{
    public const string Name = "sqlite-clock";
}

[CollectionDefinition(Name)]
public sealed class PostgresClockCollection : ICollectionFixture<PostgresClockApp>
{
    public const string Name = "postgres-clock";
}
