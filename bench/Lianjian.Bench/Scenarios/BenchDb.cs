using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lianjian.Bench.Scenarios;

/// <summary>The app's provider DbContexts built directly from options (with the app's SQLite pragmas), for in-process timings and plans.</summary>
public sealed class BenchDb(DatabaseProvider provider, string connection, params IInterceptor[] interceptors)
{
    private readonly DbContextOptions _options = provider == DatabaseProvider.Sqlite
        ? new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).AddInterceptors([new SqlitePragmas(), .. interceptors]).Options
        : new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).AddInterceptors(interceptors).Options;

    public DatabaseProvider Provider => provider;

    public AppDbContext Create() => provider == DatabaseProvider.Sqlite
        ? new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)_options)
        : new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)_options);
}
