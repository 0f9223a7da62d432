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

    public async Task<Measurement> RunAsync(string name, int count, int clients, TimeSpan cap, Func<HttpRequestMessage> request, string target = "", string? note = null) =>
        (await RunInterleavedAsync([(name, request)], count, clients, cap, target, note))[0];

    /// <summary>
    /// Several scenarios at once, request i going to scenario i mod n, so that none of them pays alone for a
    /// disturbance of the machine (a shared machine's neighbours, tiered JIT, a GC). Each gets <paramref name="count"/> requests.
    /// </summary>
    public async Task<List<Measurement>> RunInterleavedAsync(IReadOnlyList<(string Name, Func<HttpRequestMessage> Request)> scenarios, int count, int clients,
        TimeSpan cap, string target = "", string? note = null)
    {
        var n = scenarios.Count;
        var latencies = scenarios.Select(_ => new List<double>(count)).ToArray();
        var errors = new int[n];
        var bytes = new long[n];
        var issued = 0;
        var total = count * n;
        using var stop = new CancellationTokenSource(cap);
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref issued)) <= total)
            {
                var k = i % n;
                var (ms, ok, size) = await TimeAsync(scenarios[k].Request);
                lock (latencies)
                {
                    latencies[k].Add(ms);
                    if (!ok) errors[k]++;
                    bytes[k] += size;
                }
            }
        });
        await Task.WhenAll(workers);
        wall.Stop();
        var capped = issued < total || stop.IsCancellationRequested ? $"stopped at the {cap.TotalSeconds:F0} s cap" : null;
        return scenarios.Select((s, k) => new Measurement(s.Name, clients, latencies[k], errors[k], wall.Elapsed.TotalSeconds, bytes[k], target, note ?? capped)).ToList();
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
            return (sw.Elapsed.TotalMilliseconds, response.IsSuccessStatusCode, body.Length);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (sw.Elapsed.TotalMilliseconds, false, 0);
        }
    }

    public void Dispose() => _http.Dispose();
}
