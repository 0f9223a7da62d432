using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform.Notifications.Queries;

public sealed record NotificationRow(Guid Id, string Topic, string Title, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>The signed-in user's own notifications: unread first, then newest first. Feeds the API, the bell and both pages.</summary>
public sealed class NotificationsQuery(AppDbContext db, ICurrentUser user)
{
    public async Task<Page<NotificationRow>> ListAsync(int? page = null, int? pageSize = null, bool unreadOnly = false, CancellationToken ct = default)
    {
        var (number, size) = Page<NotificationRow>.Normalize(page, pageSize);
        if (user.UserId is not { } userId) return new Page<NotificationRow>([], 0, number, size);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(n => new NotificationRow(n.Id, n.Topic, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new Page<NotificationRow>(rows, total, number, size);
    }

    /// <summary>One of the user's own notifications; someone else's is as missing as one that never was.</summary>
    public async Task<NotificationRow?> FindAsync(Guid id, CancellationToken ct = default) =>
        user.UserId is { } userId
            ? await db.Notifications.AsNoTracking().Where(n => n.Id == id && n.UserId == userId)
                .Select(n => new NotificationRow(n.Id, n.Topic, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt)).FirstOrDefaultAsync(ct)
            : null;

    public async Task<int> UnreadCountAsync(CancellationToken ct = default) =>
        user.UserId is { } userId ? await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct) : 0;
}
