using Lianjian.Web.Platform.Auditing;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Jobs;
using Lianjian.Web.Platform.Notifications;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform;

public static class PlatformExtensions
{
    /// <summary>What every module stands on: configuration, database, errors, OpenAPI, data-protection keys, health, jobs, notifications.</summary>
    public static WebApplicationBuilder AddLianjianPlatform(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(LianjianOptions.Section);
        builder.Services.Configure<LianjianOptions>(section);
        var options = section.Get<LianjianOptions>() ?? new LianjianOptions();
        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        // SQL text at Information floods the console of commands such as `migrate`; failures still log as errors.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        services.AddLianjianPersistence(options, builder.Environment.ContentRootPath);
        ErrorHandling.Configure(services);
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "联建 Lianjian API";
            doc.Info.Description = "党建联建与闭环服务平台的 REST 接口。先用 POST /api/auth/token 换取访问令牌，再在请求头加入 Authorization: Bearer {令牌}。";
            return Task.CompletedTask;
        }));
        services.AddApiReference();
        services.AddSingleton<FileStore>();
        services.AddWorkingCalendar();
        // Keys in the database, so that several app nodes can read each other's cookies (DESIGN: running at scale).
        services.AddDataProtection().SetApplicationName("Lianjian").PersistKeysToDbContext<AppDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // The jobs themselves are scheduled in one file at the app level: Schedules.cs.
        services.Configure<JobsOptions>(builder.Configuration.GetSection(JobsOptions.Section));
        services.AddNotifications(builder.Configuration);
        services.AddAntiforgery();
        return builder;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(LianjianOptions.Section).Get<LianjianOptions>() ?? new LianjianOptions();
        if (options.MigrateOnStartup) await DatabaseSetup.MigrateAsync(app.Services);
        if (options.SeedDemoData) await DemoData.SeedAsync(app.Services);
    }

    public static void MapLianjianPlatform(this WebApplication app)
    {
        app.MapOpenApi(ApiReference.DocumentPattern);
        app.MapApiReference();
        app.MapWorkingCalendar();
        app.MapNotifications();
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = DatabaseHealthCheck.WriteAsync,
        });
    }
}
