using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Lianjian.Web.Modules.Statistics.Public;

public sealed class PublicationOptions
{
    public const string Section = "Lianjian:Publication";

    /// <summary>Requests to /p per client address and minute; more answer 429 (a village office may share one address).</summary>
    public int PermitsPerMinute { get; set; } = 120;
}

/// <summary>
/// The public pages' fixed window per client address (ASP.NET Core's rate limiter). Behind a proxy the address is the
/// proxy's unless the app is told to read X-Forwarded-For (README, deployment).
/// </summary>
public sealed class PublicRateLimit(IOptions<PublicationOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "public-results";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "60";
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page, ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.Value.PermitsPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });

    private static readonly string Page = $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>访问太频繁 · 联建公示</title><link href="/css/mobile.css" rel="stylesheet" /><link href="/css/public.css" rel="stylesheet" /></head>
        <body>
        <header class="p-header"><a href="/p" class="p-brand">联建 · 服务公示</a></header>
        <main class="p-main">
        <section class="m-card p-message" data-testid="too-many">
        <h1 class="m-title">访问太频繁，请稍后再试</h1>
        <p>同一网络在一分钟内打开公示页面的次数已达上限。请等待一分钟后刷新本页。</p>
        <p><a href="/p">返回公示首页</a></p>
        </section>
        </main>
        </body>
        </html>
        """;
}
