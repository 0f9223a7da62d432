using System.Security.Claims;
using Lianjian.Web.Modules.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace Lianjian.UnitTests.Modules.Accounts;

public sealed class BearerTicketCacheTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>ASP.NET Core's own ticket format with a real (ephemeral) data protector, counting the decryptions.</summary>
    private sealed class Counting(ISecureDataFormat<AuthenticationTicket> real) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => real.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => real.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            return real.Unprotect(protectedText, purpose);
        }
    }

    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private static (BearerTicketCache Cache, Counting Inner, Clock Clock, string Token) Setup(TimeSpan lifetime)
    {
        var inner = new Counting(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("test")));
        var clock = new Clock(Start);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "dinghai")], "Bearer"));
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = Start + lifetime }, "Bearer");
        return (new BearerTicketCache(inner, clock), inner, clock, inner.Protect(ticket));
    }

    [Fact]
    public void A_token_is_decrypted_once_and_each_request_gets_its_own_copy()
    {
        var (cache, inner, _, token) = Setup(TimeSpan.FromHours(8));
        var first = cache.Unprotect(token)!;
        var second = cache.Unprotect(token)!;
        Assert.Equal(1, inner.Reads);
        Assert.Equal("dinghai", second.Principal.Identity!.Name);
        Assert.NotSame(first, second);
        Assert.NotSame(first.Principal, second.Principal);
    }

    [Fact]
    public void A_cached_ticket_is_read_again_after_the_maximum_age_and_never_kept_past_its_expiry()
    {
        var (cache, inner, clock, token) = Setup(TimeSpan.FromHours(8));
        cache.Unprotect(token);
        clock.Now = Start + BearerTicketCache.MaxAge + TimeSpan.FromSeconds(1);
        cache.Unprotect(token);
        Assert.Equal(2, inner.Reads);

        var (shortCache, shortInner, shortClock, shortToken) = Setup(TimeSpan.FromMinutes(1));
        shortCache.Unprotect(shortToken);
        shortClock.Now = Start + TimeSpan.FromMinutes(2);
        Assert.NotNull(shortCache.Unprotect(shortToken)); // the handler rejects it by ExpiresUtc; the cache only re-reads
        Assert.Equal(2, shortInner.Reads);
    }

    [Fact]
    public void A_forged_token_is_refused_and_not_remembered()
    {
        var (cache, inner, _, token) = Setup(TimeSpan.FromHours(8));
        Assert.Null(cache.Unprotect(token[..^4] + "AAAA"));
        Assert.Null(cache.Unprotect("not-a-token"));
        Assert.Equal(2, inner.Reads);
    }
}
