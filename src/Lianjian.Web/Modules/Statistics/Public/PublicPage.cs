namespace Lianjian.Web.Modules.Statistics.Public;

/// <summary>What every public page sets on its answer.</summary>
public static class PublicPage
{
    /// <summary>
    /// The answer's status and caching, set as the headers go out: a component that sets 404 while rendering gets an empty
    /// body in .NET 10 (MobileForm.NotFound does the same), and a token-issuing component could otherwise reset Cache-Control.
    /// Found pages may be kept by browsers and proxies for the minute their data is cached here; errors are not kept.
    /// </summary>
    public static void Answer(HttpContext http, int status = StatusCodes.Status200OK)
    {
        if (http.Response.HasStarted || http.Items.ContainsKey(typeof(PublicPage))) return;
        http.Items[typeof(PublicPage)] = true;
        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = status;
            http.Response.Headers.CacheControl = status == StatusCodes.Status200OK
                ? $"public, max-age={(int)PublicResultsCache.Lifetime.TotalSeconds}"
                : "no-store";
            return Task.CompletedTask;
        });
    }

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    public static string Value(double? rate) => rate is { } r ? r.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "";

    public static string Stars(int rating) => new string('★', Math.Clamp(rating, 0, 5)) + new string('☆', 5 - Math.Clamp(rating, 0, 5));
}
