using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform.Notifications.UseCases;

public static class NotificationErrors
{
    /// <summary>Someone else's notification answers the same as a missing one.</summary>
    public static Error NotFound() => Error.NotFound("notification.not_found", "通知不存在。");
}

/// <summary>Marks one of the user's own notifications read; marking it again changes nothing.</summary>
public sealed class MarkNotificationRead(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        if (user.UserId is not { } userId) return NotificationErrors.NotFound();
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (notification is null) return NotificationErrors.NotFound();
        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        return Result.Ok;
    }
}

/// <summary>Marks all of the user's unread notifications read; returns how many changed.</summary>
public sealed class MarkAllNotificationsRead(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        if (user.UserId is not { } userId) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
