using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Lianjian.Web.Modules.Statistics.Public;

/// <summary>What every public page sets on its answer.</summary>
public static class PublicPage
{
    /// <summary>
    /// The answer's status and caching, set as the headers go out: a component that sets 404 while rendering gets an empty
    /// body in .NET 10 (MobileForm.NotFound does the same), and a token-issuing component could otherwise reset Cache-Control.
    /// Found pages may be kept by browsers and proxies for the minute their data is cached here; errors are not kept.
    /// Blazor issues an antiforgery token on every page of an app with interactive pages (with Pragma: no-cache); these
    /// pages post nothing, and a shared cache would not keep an answer that sets a cookie, so both are taken off.
    /// </summary>
    public static void Answer(HttpContext http, int status = StatusCodes.Status200OK)
    {
        if (http.Response.HasStarted || http.Items.ContainsKey(typeof(PublicPage))) return;
        http.Items[typeof(PublicPage)] = true;
        http.Response.OnStarting(() =>
        {
            var response = http.Response;
            response.StatusCode = status;
            if (status != StatusCodes.Status200OK)
            {
                response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            }

            response.Headers.CacheControl = $"public, max-age={(int)PublicationCache.Lifetime.TotalSeconds}";
            response.Headers.Pragma = StringValues.Empty;
            var antiforgeryCookie = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name + "=";
            response.Headers.SetCookie = new StringValues(response.Headers.SetCookie.Where(c => c?.StartsWith(antiforgeryCookie, StringComparison.Ordinal) == false).ToArray());
            return Task.CompletedTask;
        });
    }

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    public static string Value(double? rate) => rate is { } r ? r.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "";

    public static string Stars(int rating) => new string('★', Math.Clamp(rating, 0, 5)) + new string('☆', 5 - Math.Clamp(rating, 0, 5));
}
