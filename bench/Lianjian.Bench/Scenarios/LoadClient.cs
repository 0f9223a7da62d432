using System.Diagnostics;
using System.Net;

namespace Lianjian.Bench.Scenarios;

/// <summary>
/// Sends a bounded number of requests (and stops at a time cap) from a few concurrent clients, timing each one to
/// the last byte of its body. Only loopback URLs are accepted.
/// </summary>
public sealed class LoadClient : IDisposable
{
    private readonly HttpClient _http;

    public LoadClient(Uri baseAddress, int maxConnections, CookieContainer? cookies = null)
    {
        if (!IsLoopback(baseAddress)) throw new OptionException($"--url must be a loopback address (127.0.0.0/8, localhost, [::1]), not {baseAddress.Host}");
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = maxConnections,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http => _http;

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public async Task<Measurement> RunAsync(string name, int count, int clients, TimeSpan cap, Func<HttpRequestMessage> request, string target = "", string? note = null)
    {
        var latencies = new List<double>(count);
        var errors = 0;
        long bytes = 0;
        var issued = 0;
        using var stop = new CancellationTokenSource(cap);
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref issued) <= count)
            {
                var (ms, ok, size) = await TimeAsync(request);
                lock (latencies)
                {
                    latencies.Add(ms);
                    if (!ok) errors++;
                    bytes += size;
                }
            }
        });
        await Task.WhenAll(workers);
        wall.Stop();
        var capped = issued < count || stop.IsCancellationRequested ? $"stopped at the {cap.TotalSeconds:F0} s cap" : null;
        return new Measurement(name, clients, latencies, errors, wall.Elapsed.TotalSeconds, bytes, target, note ?? capped);
    }

    public async Task<(double Ms, bool Ok, long Bytes)> TimeAsync(Func<HttpRequestMessage> request)
    {
        using var message = request();
        var sw = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            sw.Stop();
            return (sw.Elapsed.TotalMilliseconds, response.StatusCode == HttpStatusCode.OK, body.Length);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (sw.Elapsed.TotalMilliseconds, false, 0);
        }
    }

    public void Dispose() => _http.Dispose();
}
