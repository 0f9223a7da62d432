using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianjian.Bench.Generation;

namespace Lianjian.Bench.Scenarios;

/// <summary>
/// <c>run</c>: the speed targets of issue 2 against a running Release build of the app —
/// (a) subtree queries over HTTP (scoped county admin and system admin) and in-process against the DbContext,
/// (b) the organization tree page's first render, (c) the import of 10,000 people, (d) the server's memory.
/// Every loop is bounded in count and time; only loopback URLs are accepted.
/// </summary>
public static partial class ScenarioRunner
{
    public static async Task<int> RunAsync(Options options)
    {
        var baseUrl = new Uri(options.Get("url") ?? "http://127.0.0.1:5084");
        var provider = options.Provider;
        var requests = options.Int("requests", 400);
        var clients = options.Int("clients", 4);
        var pageRequests = options.Int("page-requests", 30);
        var rawRequests = options.Int("raw-requests", 500);
        var cap = TimeSpan.FromSeconds(options.Int("max-seconds", 120));
        var countyName = options.Get("county") ?? Generator.BenchCounty;
        var memory = new ServerMemory(options.Get("server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
        var output = options.Get("out") ?? Path.Combine("bench", "results", provider.ToString().ToLowerInvariant() + ".md");
        var started = DateTime.UtcNow;
        var loadAtStart = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";

        using var api = new LoadClient(baseUrl, clients);
        var health = await api.Http.GetAsync("/healthz");
        if (health.StatusCode != HttpStatusCode.OK) throw new OptionException($"{baseUrl}healthz answered {(int)health.StatusCode}: is the app running on that database?");

        var db = await DbQueries.LoadAsync(new BenchDb(provider, options.Connection), countyName);
        var countyId = db.County.Id;
        Console.WriteLine($"{db.Engine}: county {countyName} has {db.CountyOrganizations:N0} organizations and {db.CountyPeople:N0} people");

        // (b) first: the very first render of the page after the server started includes compiling the components.
        var cookies = new CookieContainer();
        using var browser = new LoadClient(baseUrl, clients, cookies);
        await SignInWithCookieAsync(browser.Http, Generator.AdminUser);
        using var countyBrowser = new LoadClient(baseUrl, 1, new CookieContainer());
        await SignInWithCookieAsync(countyBrowser.Http, Generator.CountyUser);
        var treePage = "/admin/organizations";
        var probe = await browser.TimeAsync(() => new HttpRequestMessage(HttpMethod.Get, treePage));
        string? pageNote = null;
        if (!probe.Ok)
        {
            var status = (await browser.Http.GetAsync(treePage)).StatusCode;
            if (status == HttpStatusCode.NotFound)
            {
                pageNote = $"{treePage} answered 404 on this branch: measured /admin (the back-office home, prerendered) instead";
                treePage = "/admin";
                probe = await browser.TimeAsync(() => new HttpRequestMessage(HttpMethod.Get, treePage));
            }
            else
            {
                pageNote = $"{treePage} answered {(int)status}: its renders count as errors below";
            }
        }

        var firstRender = probe;
        Console.WriteLine($"first render of {treePage}: {firstRender.Ms:F0} ms ({firstRender.Bytes:N0} bytes, ok={firstRender.Ok})");

        var adminToken = await TokenAsync(api.Http, Generator.AdminUser);
        var countyToken = await TokenAsync(api.Http, Generator.CountyUser);
        HttpRequestMessage Get(string path, string token)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, path);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return message;
        }

        var orgsUnder = $"/api/organizations?under={countyId}&pageSize=50";
        var peopleIn = $"/api/people?organizationId={countyId}";
        // Each endpoint as the scoped county admin and as the system admin, interleaved request by request.
        var apiScenarios = new (string Name, Func<HttpRequestMessage> Request)[][]
        {
            [
                ($"GET {Short(orgsUnder)} · county admin", () => Get(orgsUnder, countyToken)),
                ($"GET {Short(orgsUnder)} · system admin", () => Get(orgsUnder, adminToken)),
            ],
            [
                ($"GET {Short(peopleIn)} · county admin", () => Get(peopleIn, countyToken)),
                ($"GET {Short(peopleIn)} · system admin", () => Get(peopleIn, adminToken)),
            ],
            [
                ("GET /api/organizations/tree?parentId={county} · county admin", () => Get($"/api/organizations/tree?parentId={countyId}", countyToken)),
                ("GET /api/organizations/tree (roots) · system admin", () => Get("/api/organizations/tree", adminToken)),
            ],
        };

        // Warm-up: JIT (tiered compilation needs a few hundred calls), connection pools, EF query caches.
        var warmUp = options.Int("warm-up", 100);
        foreach (var group in apiScenarios) await api.RunInterleavedAsync(group, warmUp, clients, cap);
        await browser.RunAsync("warm-up", 5, 1, cap, () => new HttpRequestMessage(HttpMethod.Get, treePage));
        await countyBrowser.RunAsync("warm-up", 5, 1, cap, () => new HttpRequestMessage(HttpMethod.Get, treePage));
        var afterWarmUp = memory.Read();

        // (a) + (d): the subtree endpoints under load, memory sampled meanwhile.
        using var sampling = new CancellationTokenSource();
        var sampler = memory.Available ? memory.SampleMaxAsync(sampling.Token) : Task.FromResult(double.NaN);
        var http = new List<Measurement>();
        foreach (var group in apiScenarios)
        {
            // One client shows the latency of a request on its own; several show it while the server is busy.
            foreach (var n in clients == 1 ? [1] : new[] { 1, clients })
            {
                foreach (var m in await api.RunInterleavedAsync(group, requests, n, cap))
                {
                    http.Add(m);
                    Console.WriteLine(m.Row());
                }
            }
        }

        var pages = new List<Measurement>
        {
            await browser.RunAsync($"GET {treePage} (HTML, cookie) · system admin", pageRequests, 1, cap,
                () => new HttpRequestMessage(HttpMethod.Get, treePage), "≤ 1000 ms"),
            await countyBrowser.RunAsync($"GET {treePage} (HTML, cookie) · county admin", pageRequests, 1, cap,
                () => new HttpRequestMessage(HttpMethod.Get, treePage), "≤ 1000 ms"),
            await browser.RunAsync($"GET {treePage} (HTML, cookie) · system admin, {clients} clients at once", pageRequests, clients, cap,
                () => new HttpRequestMessage(HttpMethod.Get, treePage), "≤ 1000 ms"),
        };
        foreach (var m in pages) Console.WriteLine(m.Row());
        await sampling.CancelAsync();
        var peakSampled = await sampler;
        var afterLoad = memory.Read();

        // In-process timings of the same queries (no HTTP, no JSON).
        var raw = await db.TimeAllAsync(rawRequests, cap);
        foreach (var m in raw) Console.WriteLine(m.Row());

        // (c) import, when the branch has it.
        var import = await ImportAsync(api.Http, adminToken, options.Get("import-file"), cap);
        Console.WriteLine(import);
        var afterImport = memory.Read();

        var plans = await Explain.PlansAsync(provider, options.Connection, countyName);
        var report = Report(provider, baseUrl, started, loadAtStart, warmUp, db, http, raw, firstRender.Ms, treePage, pages, pageNote, import,
            afterWarmUp, peakSampled, afterLoad, afterImport, requests, clients, plans);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, report);
        Console.WriteLine($"report written to {output}");
        return 0;
    }

    private static string Short(string path) => path.Replace(path.Split('=')[1].Split('&')[0], "{county}", StringComparison.Ordinal);

    internal static async Task<string> TokenAsync(HttpClient http, string user)
    {
        var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = Generator.Password });
        if (!response.IsSuccessStatusCode) throw new OptionException($"sign-in of {user} failed ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>The browser's way in: the sign-in form with its antiforgery token, then the auth cookie.</summary>
    private static async Task SignInWithCookieAsync(HttpClient http, string user)
    {
        var page = await http.GetStringAsync("/login");
        var token = AntiforgeryField().Match(page);
        if (!token.Success) throw new InvalidOperationException("no antiforgery token on /login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["userName"] = user,
            ["password"] = Generator.Password,
            ["returnUrl"] = "/admin",
        });
        var response = await http.PostAsync("/account/login", form);
        var location = response.Headers.Location?.ToString() ?? "";
        if (response.StatusCode != HttpStatusCode.Redirect || !location.StartsWith("/admin", StringComparison.Ordinal))
            throw new InvalidOperationException($"cookie sign-in of {user} failed: {(int)response.StatusCode} → {location}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static async Task<string> ImportAsync(HttpClient http, string token, string? file, TimeSpan cap)
    {
        if (file is null || !File.Exists(file)) return "import: not run (no --import-file; make one with generate-import-file)";
        using var content = new MultipartFormDataContent();
        var bytes = await File.ReadAllBytesAsync(file);
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", Path.GetFileName(file));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/people/import") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var timeout = new CancellationTokenSource(cap);
        var sw = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        sw.Stop();
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            return $"import: POST /api/people/import answered {(int)response.StatusCode}: the endpoint is not on this branch; the file {Path.GetFileName(file)} is ready for it";
        var status = response.StatusCode;
        if (status == HttpStatusCode.Accepted && response.Headers.Location is { } progress)
        {
            // An import run as a background job: follow its progress resource until it stops answering 202 or says it ended.
            while (!timeout.IsCancellationRequested)
            {
                await Task.Delay(200, timeout.Token);
                using var poll = new HttpRequestMessage(HttpMethod.Get, progress);
                poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var answer = await http.SendAsync(poll, timeout.Token);
                body = await answer.Content.ReadAsStringAsync(timeout.Token);
                status = answer.StatusCode;
                if (status != HttpStatusCode.Accepted && !StillRunning(body)) break;
            }

            sw.Stop();
        }

        var excerpt = body.Length > 300 ? body[..300] + "…" : body;
        return $"import: POST /api/people/import of {Path.GetFileName(file)} ({bytes.Length / 1024} KB) ended with {(int)status} after {sw.Elapsed.TotalSeconds:F2} s (target ≤ 10 s): {excerpt}";
    }

    private static bool StillRunning(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var name in new[] { "status", "state" })
            {
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
                    return v.GetString()?.ToLowerInvariant() is "running" or "queued" or "pending" or "processing" or "started";
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    private static string Report(Lianjian.Web.Platform.Persistence.DatabaseProvider provider, Uri url, DateTime started, string loadAtStart, int warmUp, DbQueries db,
        List<Measurement> http, List<Measurement> raw, double firstRenderMs, string treePage, List<Measurement> pages, string? pageNote, string import,
        (double RssMb, double PeakMb)? afterWarmUp, double peakSampled, (double RssMb, double PeakMb)? afterLoad, (double RssMb, double PeakMb)? afterImport,
        int requests, int clients, string plans)
    {
        static string Mb((double RssMb, double PeakMb)? m, bool peak = false) => m is { } v ? (peak ? v.PeakMb : v.RssMb).ToString("F0", CultureInfo.InvariantCulture) + " MB" : "not measured (no --server-pid)";
        var s = new StringBuilder();
        s.AppendLine($"# {provider} — {started:yyyy-MM-dd HH:mm} UTC").AppendLine();
        s.AppendLine($"- app: {url} (Release, Production) on {db.Engine}; bench: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores; load average at start: {loadAtStart}, at end: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?")}");
        s.AppendLine($"- data: county {db.County.Name} holds {db.CountyOrganizations:N0} organizations and {db.CountyPeople:N0} people; {requests} requests per HTTP scenario, from 1 client and from {clients} concurrent clients, after {warmUp} warm-up requests each; the county-admin and system-admin variants of an endpoint run interleaved (req/s is each one's share)");
        s.AppendLine();
        s.AppendLine("## (a) subtree over HTTP (bearer token, JSON, to the last byte)").AppendLine().AppendLine(Measurement.Header);
        foreach (var m in http) s.AppendLine(m.Row());
        s.AppendLine().AppendLine("## (a) subtree in-process against the DbContext (1 client, fresh DbContext per query)").AppendLine().AppendLine(Measurement.Header);
        foreach (var m in raw) s.AppendLine(m.Row());
        s.AppendLine().AppendLine($"## (b) tree page first render ({treePage}, prerendered HTML with the admin's cookie)").AppendLine();
        s.AppendLine($"- very first request after the server started: {firstRenderMs:F0} ms (target ≤ 1000 ms)");
        if (pageNote is not null) s.AppendLine($"- note: {pageNote}");
        s.AppendLine().AppendLine(Measurement.Header);
        foreach (var m in pages) s.AppendLine(m.Row());
        s.AppendLine().AppendLine("## (c) import").AppendLine().AppendLine("- " + import);
        s.AppendLine().AppendLine("## (d) app memory (VmRSS of the server process; target ≤ 300 MB)").AppendLine();
        s.AppendLine($"- after warm-up: {Mb(afterWarmUp)}");
        s.AppendLine($"- highest sample under load (every 100 ms): {(double.IsNaN(peakSampled) ? "not measured" : peakSampled.ToString("F0", CultureInfo.InvariantCulture) + " MB")}");
        s.AppendLine($"- after load: {Mb(afterLoad)}; after import: {Mb(afterImport)}; peak since start (VmHWM): {Mb(afterImport ?? afterLoad, peak: true)}");
        s.AppendLine().AppendLine("## query plans").AppendLine().AppendLine(plans);
        return s.ToString();
    }
}
