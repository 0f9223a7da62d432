using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianjian.Web.Platform.Notifications;

/// <summary>
/// A side effect that leaves the process (a webhook POST), written in the same transaction as the change that
/// caused it and sent later by the SendOutbox job (DESIGN: outbox). The payload is the exact request body; the URL
/// is looked up by <see cref="Endpoint"/> name at send time, so secrets in URLs never reach the database.
/// See docs/decisions/0007-outbox-and-jobs.md.
/// </summary>
public sealed class OutboxMessage
{
    public const int EndpointMaxLength = 50;
    public const int LockedByMaxLength = 64;
    public const int LastErrorMaxLength = 1000;

    /// <summary>After this many failed attempts the message is kept, visible as failed, and never tried again.</summary>
    public const int MaxAttempts = 8;

    public long Id { get; set; }

    /// <summary>The configured webhook's name (<c>Lianjian:Webhooks:n:Name</c>).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The JSON body to POST, in the receiving robot's own format.</summary>
    public string Payload { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Not sent before this time (the back-off after a failure).</summary>
    public DateTime AvailableAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>A sender's lease: while it lies in the future, no other sender claims the message.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>Which claim holds the lease (one value per claim, not per node).</summary>
    public string? LockedBy { get; set; }

    public string? LastError { get; set; }

    public bool HasFailed => SentAt is null && Attempts >= MaxAttempts;

    /// <summary>How long to wait after the given number of failed attempts: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        4 => TimeSpan.FromHours(2),
        5 => TimeSpan.FromHours(6),
        6 => TimeSpan.FromHours(12),
        _ => TimeSpan.FromHours(24),
    };
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.Endpoint).HasMaxLength(OutboxMessage.EndpointMaxLength);
        b.Property(m => m.LockedBy).HasMaxLength(OutboxMessage.LockedByMaxLength);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        b.Ignore(m => m.HasFailed);
        // The sender looks only at unsent messages by due time; sent ones pile up without slowing it.
        b.HasIndex(m => m.AvailableAt).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_OutboxMessages_Due");
        b.HasIndex(m => m.LockedBy);
    }
}
