using Lianjian.Web.Platform.Notifications;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianjian.IntegrationTests.Infrastructure;

public sealed record NotificationDto(Guid Id, string Topic, string Title, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt);

public sealed record CountDto(int Count);

public static class NotificationHelpers
{
    /// <summary>A short unique text that finds this test's rows in a database other tests share.</summary>
    public static string Marker() => "t" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<Guid> UserIdOf(this LianjianFactory app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>What a use case does: Notify, then its own SaveChanges.</summary>
    public static async Task Notify(this LianjianFactory app, IReadOnlyCollection<Guid> userIds, NotificationMessage message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Notifier>().Notify(userIds, message);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    /// <summary>Runs a scheduled job once, in its own scope, as the scheduler would.</summary>
    public static async Task RunJob<TJob>(this LianjianFactory app) where TJob : Lianjian.Web.Platform.Jobs.IJob
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(CancellationToken.None);
    }

    public static async Task<List<T>> Query<T>(this LianjianFactory app, Func<AppDbContext, IQueryable<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>()).ToListAsync();
    }
}
