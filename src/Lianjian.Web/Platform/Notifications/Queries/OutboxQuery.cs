using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianjian.Web.Platform.Notifications.Queries;

public sealed record WebhookRow(string Name, WebhookFormat Format, string MaskedUrl, IReadOnlyList<string> Topics, bool Signed);

public sealed record OutboxCounts(int Pending, int Sent, int Failed);

public sealed record OutboxRow(long Id, string Endpoint, DateTime CreatedAt, DateTime AvailableAt, int Attempts, DateTime? SentAt, string? LastError)
{
    public bool HasFailed => SentAt is null && Attempts >= OutboxMessage.MaxAttempts;
}

/// <summary>For admins: the configured robots (URLs masked) and how the outbox is doing.</summary>
public sealed class OutboxQuery(AppDbContext db, IOptionsMonitor<WebhookOptions> webhooks)
{
    public IReadOnlyList<WebhookRow> Webhooks() => webhooks.CurrentValue.Webhooks
        .Select(w => new WebhookRow(w.Name, w.Format, w.MaskedUrl, w.Topics, !string.IsNullOrEmpty(w.Secret)))
        .ToList();

    public async Task<OutboxCounts> CountsAsync(CancellationToken ct = default)
    {
        var sent = await db.OutboxMessages.CountAsync(m => m.SentAt != null, ct);
        var failed = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.Attempts >= OutboxMessage.MaxAttempts, ct);
        var pending = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts, ct);
        return new OutboxCounts(pending, sent, failed);
    }

    /// <summary>The most recent messages that met an error (sent in the end or not), newest first.</summary>
    public async Task<IReadOnlyList<OutboxRow>> RecentErrorsAsync(int take = 50, CancellationToken ct = default) =>
        await db.OutboxMessages.AsNoTracking().Where(m => m.LastError != null)
            .OrderByDescending(m => m.Id).Take(Math.Clamp(take, 1, 200))
            .Select(m => new OutboxRow(m.Id, m.Endpoint, m.CreatedAt, m.AvailableAt, m.Attempts, m.SentAt, m.LastError))
            .ToListAsync(ct);
}
