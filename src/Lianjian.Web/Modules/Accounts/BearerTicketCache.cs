using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Lianjian.Web.Modules.Accounts;

/// <summary>
/// Remembers the tickets of bearer tokens already read, so an API client's every request does not decrypt and
/// authenticate its token again (data-protection key derivation, AES and HMAC: a tenth of a submission's CPU). The token
/// string is the key — only its holder can present it — and each request gets its own copy of the ticket
/// (<see cref="AuthenticationTicket.Clone"/>). The handler still checks the ticket's expiry on every request; a cached
/// entry is dropped after <see cref="MaxAge"/> at the latest.
/// </summary>
public sealed class BearerTicketCache(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> _tickets = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null) return inner.Unprotect(protectedText, purpose);
        var now = clock.GetUtcNow();
        if (_tickets.TryGetValue(protectedText, out var hit) && hit.Until > now) return hit.Ticket.Clone();

        var ticket = inner.Unprotect(protectedText);
        if (ticket is null) return null;
        if (_tickets.Count >= MaxEntries) _tickets.Clear();
        var until = now + MaxAge;
        if (ticket.Properties.ExpiresUtc is { } expires && expires < until) until = expires;
        _tickets[protectedText] = (ticket, until);
        return ticket.Clone();
    }
}

/// <summary>Wraps the bearer scheme's token reader (set by ASP.NET Core's own post-configuration) in <see cref="BearerTicketCache"/>.</summary>
internal sealed class CacheBearerTickets(TimeProvider clock) : IPostConfigureOptions<BearerTokenOptions>
{
    public void PostConfigure(string? name, BearerTokenOptions options)
    {
        if (options.BearerTokenProtector is not BearerTicketCache)
            options.BearerTokenProtector = new BearerTicketCache(options.BearerTokenProtector, clock);
    }
}
