using Lianjian.Web.Platform.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lianjian.Web.Platform.Persistence;

public static class PersistenceExtensions
{
    public static IServiceCollection AddLianjianPersistence(this IServiceCollection services, LianjianOptions options, string contentRoot)
    {
        var dataDirectory = options.ResolveDataDirectory(contentRoot);
        Directory.CreateDirectory(dataDirectory);
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton(sp => new GroupCommit(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ILogger<GroupCommit>>(), options.Database.GroupCommits));
        // Modules add their own SaveChanges interceptors as scoped ISaveChangesInterceptor (e.g. the work-order counts).

        switch (options.Database.Provider)
        {
            case DatabaseProvider.Postgres:
                var pg = options.Database.ConnectionString;
                if (string.IsNullOrWhiteSpace(pg))
                    throw new InvalidOperationException("Lianjian:Database:ConnectionString is required when Lianjian:Database:Provider is Postgres.");
                services.AddDbContext<PostgresAppDbContext>((sp, db) => db
                    .UseNpgsql(pg, o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>())
                    .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
            default:
                var sqlite = string.IsNullOrWhiteSpace(options.Database.ConnectionString)
                    ? $"Data Source={Path.Combine(dataDirectory, "lianjian.db")}"
                    : options.Database.ConnectionString;
                services.AddDbContext<SqliteAppDbContext>((sp, db) => db
                    .UseSqlite(sqlite)
                    .AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<AuditInterceptor>())
                    .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
        }

        return services;
    }
}
