using System.Text;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianjian.Web.Platform.Notifications.UseCases;

/// <summary>What one run of the sender did.</summary>
public sealed record OutboxRun(int Claimed, int Sent, int Failed);

/// <summary>
/// Sends due outbox messages to their webhooks. Safe with any number of senders on any number of nodes at once:
/// a sender first claims a batch with a lease (one conditional UPDATE; only rows whose lease is free or expired
/// change), then reads back only the rows that carry its own claim token, so no two senders ever hold the same
/// message. A 2xx answer the robot accepts marks the message sent; anything else records the error and backs
/// off (1 min, 5 min, 30 min …) until <see cref="OutboxMessage.MaxAttempts"/> attempts, after which the message
/// stays, visible as failed. The gap that remains — a POST delivered but the process gone before it marks the
/// message sent — is described in docs/decisions/0007-outbox-and-jobs.md.
/// </summary>
public sealed class SendOutboxMessages(
    AppDbContext db,
    TimeProvider clock,
    IHttpClientFactory httpClients,
    IOptionsMonitor<WebhookOptions> webhooks,
    ILogger<SendOutboxMessages> log)
{
    public const string HttpClientName = "webhooks";
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    public const int BatchSize = 20;

    /// <summary>Long enough for a whole batch of slow answers (20 × 10 s); a sender stops early rather than outlive it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const int MaxBatchesPerRun = 10;

    public async Task<OutboxRun> ExecuteAsync(CancellationToken ct = default)
    {
        int claimed = 0, sent = 0, failed = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var claim = await ClaimAsync(ct);
            if (claim is null) break;
            claimed += claim.Messages.Count;
            var client = httpClients.CreateClient(HttpClientName);
            for (var i = 0; i < claim.Messages.Count; i++)
            {
                // Stop before the lease could run out mid-request: another sender may claim the message after it.
                if (clock.GetUtcNow().UtcDateTime > claim.LockedUntil - RequestTimeout - TimeSpan.FromSeconds(20))
                {
                    await ReleaseAsync(claim.Token);
                    break;
                }

                if (await SendAsync(client, claim.Messages[i], claim.Token, ct)) sent++;
                else failed++;
            }
        }

        return new OutboxRun(claimed, sent, failed);
    }

    private sealed record Claim(string Token, DateTime LockedUntil, IReadOnlyList<OutboxMessage> Messages);

    private async Task<Claim?> ClaimAsync(CancellationToken ct)
    {
        // A claim finds nothing to lock only when another sender took the same rows a moment earlier; a few looks suffice.
        for (var look = 0; look < 5; look++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var candidates = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts && m.AvailableAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
            if (candidates.Count == 0) return null;

            // The lease condition sits on the updated table itself, so PostgreSQL re-checks it on a row another sender
            // has just claimed (and skips it); SQLite runs one writer at a time. Either way each row gets one token.
            var token = Guid.NewGuid().ToString("N");
            var lockedUntil = now + Lease;
            var locked = await db.OutboxMessages
                .Where(m => candidates.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, token).SetProperty(m => m.LockedUntil, lockedUntil), ct);
            if (locked == 0) continue; // another sender took these; look again

            var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.LockedBy == token).OrderBy(m => m.Id).ToListAsync(ct);
            return new Claim(token, lockedUntil, messages);
        }

        return null;
    }

    private async Task<bool> SendAsync(HttpClient client, OutboxMessage message, string token, CancellationToken ct)
    {
        var endpoint = webhooks.CurrentValue.Find(message.Endpoint);
        string? error;
        if (endpoint is null)
        {
            error = $"没有名为“{message.Endpoint}”的 webhook 配置（已删除或改名）。";
        }
        else
        {
            error = await PostAsync(client, endpoint, message.Payload, ct);
        }

        // Marked with CancellationToken.None: a message the robot has accepted must be marked sent even while the app stops.
        var now = clock.GetUtcNow().UtcDateTime;
        int changed;
        if (error is null)
        {
            changed = await db.OutboxMessages.Where(m => m.Id == message.Id && m.LockedBy == token)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
        }
        else
        {
            var attempts = message.Attempts + 1;
            var lastError = error.Length <= OutboxMessage.LastErrorMaxLength ? error : error[..(OutboxMessage.LastErrorMaxLength - 1)] + "…";
            var availableAt = now + OutboxMessage.Backoff(attempts);
            changed = await db.OutboxMessages.Where(m => m.Id == message.Id && m.LockedBy == token)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, lastError)
                    .SetProperty(m => m.AvailableAt, availableAt)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            if (attempts >= OutboxMessage.MaxAttempts)
                log.LogWarning("Outbox message {Id} to {Endpoint} failed {Attempts} times and is given up: {Error}", message.Id, message.Endpoint, attempts, error);
            else
                log.LogInformation("Outbox message {Id} to {Endpoint} failed (attempt {Attempts}), next try at {At:u}: {Error}", message.Id, message.Endpoint, attempts, availableAt, error);
        }

        if (changed == 0)
            log.LogWarning("Outbox message {Id}: the lease ran out before the result was recorded; another sender may send it again.", message.Id);
        return error is null;
    }

    /// <returns>null when the robot accepted the message, else why not (shown to admins).</returns>
    private async Task<string?> PostAsync(HttpClient client, WebhookEndpoint endpoint, string payload, CancellationToken ct)
    {
        var url = endpoint is { Format: WebhookFormat.DingTalk, Secret: { Length: > 0 } secret }
            ? WebhookPayload.SignedDingTalkUrl(endpoint.Url, secret, clock.GetUtcNow())
            : endpoint.Url;
        try
        {
            using var content = new StringContent(payload, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(url, content, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) return $"接收方答复 HTTP {(int)response.StatusCode}：{Snippet(body)}";
            return WebhookPayload.RobotError(body) is { } refused ? $"机器人拒收（{refused}）" : null;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"{RequestTimeout.TotalSeconds:0} 秒内没有答复（超时）。";
        }
        catch (HttpRequestException e)
        {
            return $"连接失败：{e.Message}";
        }
    }

    private async Task ReleaseAsync(string token) =>
        await db.OutboxMessages.Where(m => m.LockedBy == token && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);

    private static string Snippet(string body)
    {
        var oneLine = body.ReplaceLineEndings(" ").Trim();
        return oneLine.Length == 0 ? "（无内容）" : oneLine.Length <= 300 ? oneLine : oneLine[..300] + "…";
    }
}
