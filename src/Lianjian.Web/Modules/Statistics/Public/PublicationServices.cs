using Microsoft.AspNetCore.RateLimiting;

namespace Lianjian.Web.Modules.Statistics.Public;

/// <summary>
/// 公示 (/p): the public results pages. Their Razor pages are found by MapRazorComponents; this adds what they stand on —
/// the query, the one-minute cache, and the rate-limit policy (the app calls UseRateLimiter once, after authorization).
/// </summary>
public static class PublicationServices
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddOptions<PublicationOptions>().BindConfiguration(PublicationOptions.Section);
        services.AddScoped<PublicationQuery>();
        services.AddSingleton<PublicationCache>();
        services.AddRateLimiter(o => o.AddPolicy<string, PublicRateLimit>(PublicRateLimit.Policy));
        return services;
    }
}
