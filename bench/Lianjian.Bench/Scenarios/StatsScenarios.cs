using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Lianjian.Bench.Generation;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Bench.Scenarios;

/// <summary>
/// <c>run-stats</c>: the statistics targets of issue 4 against a running Release build of the app, over real HTTP —
/// (a) the dashboard of a random organization of each level of the tree (city, county, township, village/community,
/// grid) and a random year, as the system admin (whole city) and as the county admin (its own subtree), one client;
/// (b) the big screen of the city and of each county; (c) the quarterly bulletin of the whole city; (d) a mixed load of
/// dashboards and screens from 8 and 16 clients with the server's resident memory sampled every 100 ms. Paths are
/// templates (<c>{org}</c>, <c>{from}</c>, <c>{to}</c>), so a scenario can be pointed at another endpoint; while the
/// dashboard endpoint does not exist (404 without a problem body) the run falls back to <c>/api/work-orders/stats</c>,
/// whose figures are part of the dashboard, and says so in the report.
/// </summary>
public static class StatsScenarios
{
    public const string DashboardTargetSqlite = "p95 ≤ 50 ms (SQLite @ 1M)";
    public const string DashboardTargetPostgres = "p95 ≤ 100 ms (PostgreSQL @ 10M)";
    public const string ScreenTarget = "≤ 100 ms";
    public const string BulletinTarget = "≤ 3 s";
    public const string MemoryTarget = "< 400 MB";

    public const string DashboardPath = "/api/statistics/dashboard?organizationId={org}&from={from}&to={to}";
    public const string FallbackDashboardPath = "/api/work-orders/stats?organizationId={org}&from={from}&to={to}";
    public const string ScreenPath = "/api/statistics/screen?organizationId={org}";
    public const string DocumentsPath = "/api/statistics/documents";

    /// <summary>The levels of the tree a dashboard is asked for, with the kinds that make each.</summary>
    private static readonly (string Name, OrganizationKind[] Kinds)[] Levels =
    [
        ("city 市", [OrganizationKind.City]),
        ("county 县区", [OrganizationKind.County]),
        ("township 乡镇街道", [OrganizationKind.Township]),
        ("village/community 村社区", [OrganizationKind.Village, OrganizationKind.Community]),
        ("grid 网格 (levels 1–5)", [OrganizationKind.Grid]),
    ];

    private sealed record Org(Guid Id, OrganizationKind Kind, string Path);

    public static async Task<int> RunAsync(Options options)
    {
        var baseUrl = new Uri(options.Get("url") ?? "http://127.0.0.1:5203");
        var provider = options.Provider;
        var requests = options.Int("requests", 100);
        var screenRequests = options.Int("screen-requests", requests);
        var bulletins = options.Int("bulletins", 5);
        var seconds = options.Int("seconds", 30);
        var loadClients = (options.Get("load-clients") ?? "8,16").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var period = options.Get("period") ?? "2026-Q3";
        var seed = options.Int("seed", 20260401);
        var memory = new ServerMemory(options.Get("server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
        var started = DateTime.UtcNow;
        static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
        var loadAtStart = Load();

        // The data: every organization of each level, the county's subtree, the years that hold orders.
        var benchDb = new BenchDb(provider, options.Connection);
        List<Org> orgs;
        string countyPath;
        int orders, firstYear, lastYear;
        await using (var db = benchDb.Create())
        {
            var kinds = Levels.SelectMany(l => l.Kinds).ToArray();
            orgs = await db.Organizations.AsNoTracking().Where(o => o.IsActive && kinds.Contains(o.Kind)).OrderBy(o => o.Path)
                .Select(o => new Org(o.Id, o.Kind, o.Path)).ToListAsync();
            countyPath = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.County && o.Name == Generator.BenchCounty)
                .Select(o => o.Path).FirstOrDefaultAsync() ?? throw new OptionException("county not found: run generate first");
            orders = await db.WorkOrders.CountAsync();
            if (orders == 0) throw new OptionException("no work orders: run generate-orders first");
            firstYear = (await db.WorkOrders.MinAsync(o => o.SubmittedAt)).AddHours(8).Year;
            lastYear = (await db.WorkOrders.MaxAsync(o => o.SubmittedAt)).AddHours(8).Year;
        }

        var city = orgs.First(o => o.Kind == OrganizationKind.City);
        var byLevel = Levels.Select(l => orgs.Where(o => l.Kinds.Contains(o.Kind)).ToArray()).ToArray();
        var countyLevel = byLevel.Select(level => level.Where(o => o.Path.StartsWith(countyPath, StringComparison.Ordinal)).ToArray()).ToArray();
        var screens = orgs.Where(o => o.Kind is OrganizationKind.City or OrganizationKind.County).ToArray();
        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToArray();
        var output = options.Get("out") ?? Path.Combine("bench", "results", $"stats-{provider.ToString().ToLowerInvariant()}-{orders}.md");
        Console.WriteLine($"{orders:N0} orders, {firstYear}–{lastYear}; organizations per level: " +
                          string.Join(", ", Levels.Select((l, i) => $"{l.Name} {byLevel[i].Length:N0} (county admin's {countyLevel[i].Length:N0})")));

        using var api = new LoadClient(baseUrl, Math.Max(16, loadClients.DefaultIfEmpty(1).Max()));
        if ((await api.Http.GetAsync("/healthz")).StatusCode != HttpStatusCode.OK) throw new OptionException($"{baseUrl}healthz does not answer 200");
        var admin = await ScenarioRunner.TokenAsync(api.Http, Generator.AdminUser);
        var county = await ScenarioRunner.TokenAsync(api.Http, Generator.CountyUser);

        // One seeded sequence of (organization, year) draws shared by all clients: the same run asks the same things.
        var rng = new Random(seed);
        T Draw<T>(T[] items)
        {
            lock (rng) return items[rng.Next(items.Length)];
        }

        string Fill(string template, Guid org, int year) => template
            .Replace("{org}", org.ToString(), StringComparison.Ordinal)
            .Replace("{from}", $"{year}-01-01", StringComparison.Ordinal)
            .Replace("{to}", $"{year}-12-31", StringComparison.Ordinal);

        HttpRequestMessage Get(string path, string token)
        {
            var m = new HttpRequestMessage(HttpMethod.Get, path);
            m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return m;
        }

        // Which endpoints exist on this build: a missing route answers 404/405 without a problem body; an existing one
        // answers the city's figures to the system admin.
        var notes = new List<string>();
        var dashboardPath = options.Get("dashboard-path") ?? DashboardPath;
        var cold = await api.TimeAsync(() => Get(Fill(dashboardPath, city.Id, lastYear), admin));
        var (dashboardStatus, dashboardBody, dashboardMissing) = await ProbeAsync(api.Http, Get(Fill(dashboardPath, city.Id, lastYear), admin));
        if (dashboardMissing && options.Get("dashboard-path") is null)
        {
            notes.Add($"`{Short(DashboardPath)}` answered {dashboardStatus} (not on this build): the dashboard scenario ran against `{Short(FallbackDashboardPath)}` " +
                      "(the work-order KPIs, part of the dashboard's figures) instead — **not the dashboard itself**");
            dashboardPath = FallbackDashboardPath;
            cold = await api.TimeAsync(() => Get(Fill(dashboardPath, city.Id, lastYear), admin));
            (dashboardStatus, dashboardBody, _) = await ProbeAsync(api.Http, Get(Fill(dashboardPath, city.Id, lastYear), admin));
        }

        if (dashboardStatus != 200) throw new OptionException($"{Short(dashboardPath)} answered {dashboardStatus}: {dashboardBody}");
        Console.WriteLine($"dashboard: {Short(dashboardPath)} (first request after the bench connected: {cold.Ms:F0} ms, {dashboardBody.Length:N0} bytes)");
        var screenPath = options.Get("screen-path") ?? ScreenPath;
        var (screenStatus, _, _) = await ProbeAsync(api.Http, Get(Fill(screenPath, city.Id, lastYear), admin));
        var haveScreen = screenStatus == 200;
        if (!haveScreen) notes.Add($"`{Short(screenPath)}` answered {screenStatus}: big screen **not measured** (not on this build)");

        // Scenarios of (a): one per level and user.
        var dashboardScenarios = new List<(string Name, Func<HttpRequestMessage> Request)>();
        for (var i = 0; i < Levels.Length; i++)
        {
            var level = byLevel[i];
            var mine = countyLevel[i];
            var name = Levels[i].Name;
            if (level.Length > 0) dashboardScenarios.Add(($"dashboard · {name} · system admin (any of {level.Length:N0})", () => Get(Fill(dashboardPath, Draw(level).Id, Draw(years)), admin)));
            if (mine.Length > 0) dashboardScenarios.Add(($"dashboard · {name} · county admin (any of {mine.Length:N0} in {Generator.BenchCounty})", () => Get(Fill(dashboardPath, Draw(mine).Id, Draw(years)), county)));
        }

        var screenScenarios = new List<(string Name, Func<HttpRequestMessage> Request)>();
        if (haveScreen)
        {
            screenScenarios.Add(("big screen · city · system admin", () => Get(Fill(screenPath, city.Id, lastYear), admin)));
            var counties = screens.Where(o => o.Kind == OrganizationKind.County).ToArray();
            screenScenarios.Add(($"big screen · a county (any of {counties.Length}) · system admin", () => Get(Fill(screenPath, Draw(counties).Id, lastYear), admin)));
            var own = counties.First(o => o.Path == countyPath);
            screenScenarios.Add(($"big screen · {Generator.BenchCounty} · county admin", () => Get(Fill(screenPath, own.Id, lastYear), county)));
        }

        // Warm-up: JIT, pools, EF query caches and the roll-up pages the scenarios read (a server that has been running).
        Console.WriteLine("warm-up …");
        await api.RunInterleavedAsync([.. dashboardScenarios, .. screenScenarios], options.Int("warm-up", 20), 2, TimeSpan.FromSeconds(120));
        var afterWarmUp = memory.Read();

        using var sampling = new CancellationTokenSource();
        var sampler = memory.Available ? memory.SampleMaxAsync(sampling.Token) : Task.FromResult(double.NaN);
        string Cpu(double? before, int n) =>
            memory.CpuSeconds() is { } after && before is { } b && n > 0 ? ((after - b) * 1000 / n).ToString("F1", CultureInfo.InvariantCulture) + " ms" : "–";
        var cpu = new List<string>();
        var dashboardTarget = provider == DatabaseProvider.Sqlite ? DashboardTargetSqlite : DashboardTargetPostgres;

        // (a) dashboards, one client, interleaved request by request.
        var cpuAt = memory.CpuSeconds();
        var dashboards = await api.RunInterleavedAsync(dashboardScenarios, requests, 1, TimeSpan.FromSeconds(600), dashboardTarget);
        cpu.Add($"dashboard {Cpu(cpuAt, dashboards.Sum(m => m.Count))} per request");
        Console.WriteLine(Measurement.Header);
        foreach (var m in dashboards) Console.WriteLine(m.Row());
        var allDashboards = new Measurement("**dashboard · all levels and users together**", 1, [.. dashboards.SelectMany(m => m.Latencies)],
            dashboards.Sum(m => m.Errors), dashboards.Max(m => m.WallSeconds), dashboards.Sum(m => m.Bytes), dashboardTarget);
        Console.WriteLine(allDashboards.Row());

        // (b) the big screen, one client.
        var screened = new List<Measurement>();
        if (haveScreen)
        {
            cpuAt = memory.CpuSeconds();
            screened = await api.RunInterleavedAsync(screenScenarios, screenRequests, 1, TimeSpan.FromSeconds(300), ScreenTarget);
            cpu.Add($"screen {Cpu(cpuAt, screened.Sum(m => m.Count))} per request");
            foreach (var m in screened) Console.WriteLine(m.Row());
        }

        // (c) the quarterly bulletin of the whole city, one at a time.
        var documentsPath = options.Get("documents-path") ?? DocumentsPath;
        Measurement? bulletin = null;
        var bulletinNote = "";
        {
            var (status, ms, body, type) = await BulletinAsync(api.Http, documentsPath, city.Id, period, admin);
            if (status is 404 or 405 && (!IsProblem(type) || Trim(body).Contains("\"code\":\"not_found\"", StringComparison.Ordinal))) notes.Add($"`POST {documentsPath}` answered {status}: quarterly bulletin **not measured** (not on this build)");
            else if (status is < 200 or >= 300) notes.Add($"`POST {documentsPath}` answered {status} ({type}): {Trim(body)} — bulletin not measured");
            else
            {
                bulletinNote = $"first (cold) bulletin {ms:F0} ms, {body.Length:N0} bytes, {type}";
                var times = new List<double>();
                cpuAt = memory.CpuSeconds();
                var wall = Stopwatch.StartNew();
                var errors = 0;
                long bytes = 0;
                for (var i = 0; i < bulletins && wall.Elapsed < TimeSpan.FromSeconds(300); i++)
                {
                    var (s, t, b, _) = await BulletinAsync(api.Http, documentsPath, city.Id, period, admin);
                    times.Add(t);
                    bytes += b.Length;
                    if (s is < 200 or >= 300) errors++;
                }

                bulletin = new Measurement($"quarterly bulletin · 舟山市 (whole city) · {period} · system admin", 1, times, errors, wall.Elapsed.TotalSeconds, bytes, BulletinTarget, bulletinNote);
                cpu.Add($"bulletin {Cpu(cpuAt, times.Count)} per document");
                Console.WriteLine(bulletin.Row());
            }
        }

        await sampling.CancelAsync();
        var peakSingle = await sampler;

        // (d) mixed load: dashboards of every level (both users) and screens, from 8 and 16 clients, memory sampled.
        var mixed = dashboardScenarios.Concat(screenScenarios).ToList();
        var loads = new List<(int Clients, Measurement All, double PeakMb, string Cpu, List<Measurement> Parts)>();
        foreach (var clients in loadClients)
        {
            using var sample = new CancellationTokenSource();
            var peak = memory.Available ? memory.SampleMaxAsync(sample.Token) : Task.FromResult(double.NaN);
            cpuAt = memory.CpuSeconds();
            var parts = await api.RunInterleavedAsync(mixed, int.MaxValue / 4 / mixed.Count, clients, TimeSpan.FromSeconds(seconds));
            await sample.CancelAsync();
            var all = new Measurement($"mixed dashboards + screens, {clients} clients, {seconds} s", clients, [.. parts.SelectMany(m => m.Latencies)],
                parts.Sum(m => m.Errors), parts.Max(m => m.WallSeconds), parts.Sum(m => m.Bytes));
            var c = Cpu(cpuAt, all.Count);
            loads.Add((clients, all, await peak, c, parts));
            Console.WriteLine($"{all.Row()} peak RSS {Mb(loads[^1].PeakMb)}, server CPU {c} per request");
        }

        var final = memory.Read();
        var loadAtEnd = Load();

        var report = new StringBuilder();
        report.AppendLine($"# Statistics (issue 4) — {provider}, {orders:N0} orders").AppendLine();
        report.AppendLine($"- date {started:yyyy-MM-dd HH:mm} UTC, url {baseUrl}, load average at start {loadAtStart}, at end {loadAtEnd}");
        report.AppendLine($"- {orders:N0} orders submitted {firstYear}–{lastYear}; a dashboard asks for one calendar year drawn from those; organizations per level: " +
                          string.Join(", ", Levels.Select((l, i) => $"{l.Name} {byLevel[i].Length:N0} (in {Generator.BenchCounty}: {countyLevel[i].Length:N0})")));
        report.AppendLine($"- dashboard path `{dashboardPath}`; screen path `{screenPath}`{(haveScreen ? "" : " (absent)")}; documents `POST {documentsPath}`");
        report.AppendLine($"- server CPU (utime+stime of the app process): {string.Join("; ", cpu)}");
        report.AppendLine($"- server memory: after warm-up {Mb(afterWarmUp?.RssMb)}, highest during (a)–(c) {Mb(peakSingle)}, " +
                          $"highest under load {string.Join(", ", loads.Select(l => $"{l.Clients} clients {Mb(l.PeakMb)}"))}, peak since start (VmHWM) {Mb(final?.PeakMb)} — target {MemoryTarget}");
        foreach (var note in notes) report.AppendLine($"- {note}");
        report.AppendLine().AppendLine("## (a) Dashboard per level, 1 client").AppendLine().AppendLine(Measurement.Header);
        foreach (var m in dashboards) report.AppendLine(m.Row());
        report.AppendLine(allDashboards.Row());
        report.AppendLine().AppendLine("## (b) Big screen, 1 client").AppendLine();
        if (screened.Count > 0)
        {
            report.AppendLine(Measurement.Header);
            foreach (var m in screened) report.AppendLine(m.Row());
        }
        else report.AppendLine("Not measured (endpoint absent).");

        report.AppendLine().AppendLine("## (c) Quarterly bulletin of the whole city").AppendLine();
        if (bulletin is not null) report.AppendLine(Measurement.Header).AppendLine(bulletin.Row()).AppendLine().AppendLine(bulletinNote + ".");
        else report.AppendLine("Not measured (endpoint absent or refused; see the notes above).");
        report.AppendLine().AppendLine("## (d) Under load: dashboards of every level and screens, interleaved").AppendLine().AppendLine(Measurement.Header);
        foreach (var l in loads) report.AppendLine(l.All.Row());
        report.AppendLine().AppendLine($"| clients | peak RSS while loaded (target {MemoryTarget}) | server CPU per request |").AppendLine("|---:|---:|---:|");
        foreach (var l in loads) report.AppendLine($"| {l.Clients} | {Mb(l.PeakMb)} | {l.Cpu} |");
        foreach (var l in loads)
        {
            report.AppendLine().AppendLine($"### {l.Clients} clients, per scenario").AppendLine().AppendLine(Measurement.Header);
            foreach (var m in l.Parts) report.AppendLine(m.Row());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, report.ToString());
        Console.WriteLine($"report written to {output}");
        return 0;
    }

    /// <summary>
    /// The status of one request; <c>Missing</c> when it is a 404/405 without a problem body or with the app's generic
    /// <c>not_found</c> code (the answer to an unknown address; a real NotFound has its own code, e.g. out of scope).
    /// </summary>
    private static async Task<(int Status, string Body, bool Missing)> ProbeAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request))
        {
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            return (status, body, status is 404 or 405 && (!IsProblem(response.Content.Headers.ContentType?.MediaType) || body.Contains("\"code\":\"not_found\"", StringComparison.Ordinal)));
        }
    }

    private static bool IsProblem(string? mediaType) => mediaType?.Contains("problem", StringComparison.Ordinal) == true;

    /// <summary>
    /// One bulletin: POST the request, read the whole answer; when it answers 202 or 201 with a Location, follow it
    /// (polling while it answers 202) to the document's last byte. Returns the status, the time and the body.
    /// </summary>
    private static async Task<(int Status, double Ms, byte[] Body, string Type)> BulletinAsync(HttpClient http, string path, Guid city, string period, string token)
    {
        var sw = Stopwatch.StartNew();
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { kind = "QuarterlyBulletin", organizationId = city, period }) };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(post);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = (int)response.StatusCode;
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var location = response.Headers.Location;
        while (location is not null && status is 201 or 202 && sw.Elapsed < TimeSpan.FromSeconds(120))
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, location);
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var next = await http.SendAsync(get);
            body = await next.Content.ReadAsByteArrayAsync();
            status = (int)next.StatusCode;
            type = next.Content.Headers.ContentType?.MediaType ?? "";
            if (status != 202) break;
            await Task.Delay(50);
        }

        return (status, sw.Elapsed.TotalMilliseconds, body, type);
    }

    private static string Trim(byte[] body) => Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 400)));

    private static string Short(string path) => path.Split('?')[0];

    private static string Mb(double? v) => v is { } x && !double.IsNaN(x) ? x.ToString("F0", CultureInfo.InvariantCulture) + " MB" : "–";
}
