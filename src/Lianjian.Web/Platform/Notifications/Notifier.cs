using Lianjian.Web.Platform.Persistence;
using Microsoft.Extensions.Options;

namespace Lianjian.Web.Platform.Notifications;

/// <summary>
/// Tells people that something happened: one notification per user in their notification centre, and one outbox
/// message per configured robot whose topics match. Nothing is saved here: the caller's SaveChanges writes them
/// in the same transaction as the change that caused them, so a rolled-back change notifies no one.
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock, IOptionsMonitor<WebhookOptions> webhooks)
{
    public void Notify(IReadOnlyCollection<Guid> userIds, NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        Check(message);
        var now = clock.GetUtcNow().UtcDateTime;
        var title = Cut(message.Title.Trim(), Notification.TitleMaxLength);
        var body = Cut(message.Body.Trim(), Notification.BodyMaxLength);
        foreach (var userId in userIds.Distinct())
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), UserId = userId, Topic = message.Topic, Title = title, Body = body, Link = message.Link, CreatedAt = now,
            });
        }

        var options = webhooks.CurrentValue;
        var fitted = message with { Title = title, Body = body };
        foreach (var webhook in options.Webhooks.Where(w => w.Receives(message.Topic)))
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Endpoint = webhook.Name, Payload = WebhookPayload.Build(webhook.Format, fitted, options.PublicBaseUrl), CreatedAt = now, AvailableAt = now,
            });
        }
    }

    // Topic and link come from code, not from people: a wrong one is a programming error, found by the first test.
    private static void Check(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.Topic) || message.Topic.Length > Notification.TopicMaxLength)
            throw new ArgumentException($"Topic must be 1–{Notification.TopicMaxLength} characters.", nameof(message));
        if (string.IsNullOrWhiteSpace(message.Title))
            throw new ArgumentException("Title is required.", nameof(message));
        ArgumentNullException.ThrowIfNull(message.Body);
        if (message.Link is { } link && (link.Length > Notification.LinkMaxLength || !link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.StartsWith("/\\", StringComparison.Ordinal)))
            throw new ArgumentException($"Link must be a relative URL in this site (starting with one '/'), at most {Notification.LinkMaxLength} characters.", nameof(message));
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
