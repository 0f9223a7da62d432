using Lianjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianjian.Web.Platform.Notifications;

/// <summary>One message in a user's notification centre (站内通知). Written by <see cref="Notifier"/>.</summary>
public sealed class Notification
{
    public const int TopicMaxLength = 50;
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 1000;
    public const int LinkMaxLength = 300;

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>What happened, dotted, e.g. <c>work_order.dispatched</c>; webhooks choose by its prefix.</summary>
    public string Topic { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>A relative URL in this site that shows the thing, e.g. <c>/admin/work-orders/123</c>.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Topic).HasMaxLength(Notification.TopicMaxLength);
        b.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        b.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        b.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The list (own, newest first) and the unread count (own, ReadAt IS NULL) both start with the user.
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}
