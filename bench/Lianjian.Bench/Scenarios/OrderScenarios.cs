using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianjian.Bench.Generation;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Bench.Scenarios;

/// <summary>
/// <c>run-orders</c>: the work-order targets of issue 3 against a running Release build of the app —
/// (a) submissions from 16 clients, (b) the whole loop submit → dispatch → claim → resolve → follow-up → close,
/// (c) the filtered list of a county, (d) the statistics endpoint when it exists; plus the list queries in-process with
/// their plans. Every loop is bounded in time; only loopback URLs are accepted.
/// </summary>
public static class OrderScenarios
{
    public const string SubmitTarget = "≥ 1,000/s, p99 ≤ 100 ms";
    public const string LoopTarget = "≥ 150 loops/s";
    public const string ListTarget = "p95 ≤ 30 ms";
    public const string StatsTarget = "p95 ≤ 200 ms";

    public sealed record Setup(Guid CountyId, string CountyPath, Guid[] Places, Guid[] Categories, string[] CategoryCodes, int Orders, int CountyOrders);

    public static async Task<Setup> LoadAsync(BenchDb benchDb)
    {
        await using var db = benchDb.Create();
        var county = await db.Organizations.AsNoTracking().Where(o => o.Name == Generator.BenchCounty && o.Kind == OrganizationKind.County)
            .Select(o => new { o.Id, o.Path }).FirstOrDefaultAsync() ?? throw new OptionException("county not found: run generate first");
        var kinds = new[] { OrganizationKind.Village, OrganizationKind.Community, OrganizationKind.Grid };
        var places = await db.Organizations.Under(county.Path).Where(o => kinds.Contains(o.Kind) && o.IsActive).OrderBy(o => o.Path).Select(o => o.Id).ToArrayAsync();
        var categories = await db.WorkOrderCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Code }).ToListAsync();
        var orders = await db.WorkOrders.CountAsync();
        var subtree = db.Organizations.Under(county.Path).Select(o => o.Id);
        var countyOrders = await db.WorkOrders.CountAsync(o => subtree.Contains(o.PlaceOrganizationId));
        return new Setup(county.Id, county.Path, places, [.. categories.Select(c => c.Id)], [.. categories.Select(c => c.Code)], orders, countyOrders);
    }

    private static readonly string[] Texts = ["路灯不亮", "楼道灯损坏", "独居老人需要上门测血压", "自来水管漏水", "邻里纠纷需要调解", "代缴水电费"];

    /// <summary>A desk clerk's submission (channel Desk: staff, place in their scope) with a client request id, as a real client retries.</summary>
    public static (object Body, Guid Place) NewSubmission(Setup s)
    {
        var rng = Random.Shared;
        var place = s.Places[rng.Next(s.Places.Length)];
        return (new
        {
            categoryId = s.Categories[rng.Next(s.Categories.Length)],
            description = "压测点单：" + Texts[rng.Next(Texts.Length)],
            placeOrganizationId = place,
            address = $"海港路{rng.Next(1, 300)}号",
            requesterName = "压测群众",
            requesterPhone = "138" + rng.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
            clientRequestId = Guid.NewGuid().ToString("N"),
            channel = "Desk",
        }, place);
    }

    public static HttpRequestMessage SubmitRequest(Setup s, string token)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/work-orders") { Content = JsonContent.Create(NewSubmission(s).Body) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return message;
    }

    public static async Task<int> RunAsync(Options options)
    {
        var baseUrl = new Uri(options.Get("url") ?? "http://127.0.0.1:5097");
        var provider = options.Provider;
        var clients = options.Int("clients", 16);
        var seconds = options.Int("seconds", 20);
        var loops = options.Int("loops", 8);
        var listRequests = options.Int("list-requests", 200);
        var memory = new ServerMemory(options.Get("server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
        var started = DateTime.UtcNow;
        var loadAtStart = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
        var benchDb = new BenchDb(provider, options.Connection);
        var setup = await LoadAsync(benchDb);
        var output = options.Get("out") ?? Path.Combine("bench", "results", $"orders-{provider.ToString().ToLowerInvariant()}-{setup.Orders}.md");
        Console.WriteLine($"{setup.Orders:N0} orders ({setup.CountyOrders:N0} placed in {Generator.BenchCounty}), {setup.Places.Length:N0} places in the county");

        using var api = new LoadClient(baseUrl, Math.Max(clients, loops * 2));
        if ((await api.Http.GetAsync("/healthz")).StatusCode != HttpStatusCode.OK) throw new OptionException($"{baseUrl}healthz does not answer 200");
        var county = await ScenarioRunner.TokenAsync(api.Http, Generator.CountyUser);
        var admin = await ScenarioRunner.TokenAsync(api.Http, Generator.AdminUser);
        HttpRequestMessage Get(string path, string token)
        {
            var m = new HttpRequestMessage(HttpMethod.Get, path);
            m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return m;
        }

        var cap = TimeSpan.FromSeconds(seconds);
        var c = setup.CountyId;
        var lists = new (string Name, Func<HttpRequestMessage> Request)[]
        {
            ("open (status=Dispatched,Claimed) · county admin", () => Get($"/api/work-orders?organizationId={c}&status=Dispatched,Claimed&pageSize=20", county)),
            ("open + counts=true · county admin", () => Get($"/api/work-orders?organizationId={c}&status=Dispatched,Claimed&pageSize=20&counts=true", county)),
            ("overdue=true · county admin", () => Get($"/api/work-orders?organizationId={c}&overdue=true&pageSize=20", county)),
            ("text=路灯 · county admin", () => Get($"/api/work-orders?organizationId={c}&text={Uri.EscapeDataString("路灯")}&pageSize=20", county)),
            ("Closed, no counts · county admin", () => Get($"/api/work-orders?organizationId={c}&status=Closed&pageSize=20", county)),
            ("open (status=Dispatched,Claimed) · system admin", () => Get($"/api/work-orders?organizationId={c}&status=Dispatched,Claimed&pageSize=20", admin)),
        };

        // Warm-up: JIT, pools, EF query caches — submissions, a few loops and every list.
        Console.WriteLine("warm-up …");
        // Long enough for the runtime's tiered compilation and PGO to settle (the targets are about a server that has been
        // running — "sustained"): a minute of submissions from all clients, then 20 s of loops.
        await api.RunAsync("warm-up", int.MaxValue / 2, clients, TimeSpan.FromSeconds(60), () => SubmitRequest(setup, county));
        await LoopsAsync(api.Http, setup, county, loops, TimeSpan.FromSeconds(20));
        if (options.Get("only") is { } only) return await OnlyAsync(only);
        await api.RunInterleavedAsync(lists, 20, 1, TimeSpan.FromSeconds(120));
        var afterWarmUp = memory.Read();

        using var sampling = new CancellationTokenSource();
        var sampler = memory.Available ? memory.SampleMaxAsync(sampling.Token) : Task.FromResult(double.NaN);

        string Cpu(double? before, int requests) =>
            memory.CpuSeconds() is { } after && before is { } b && requests > 0 ? ((after - b) * 1000 / requests).ToString("F1", CultureInfo.InvariantCulture) + " ms" : "–";
        var cpu = new List<string>();

        // (a) submissions: 16 clients for `seconds`.
        var cpuAt = memory.CpuSeconds();
        var submit = await api.RunAsync("POST /api/work-orders (Desk, JSON)", int.MaxValue / 2, clients, cap, () => SubmitRequest(setup, county), SubmitTarget, "sustained for the whole window");
        cpu.Add($"submission: {Cpu(cpuAt, submit.Count)} per request");
        Console.WriteLine(Measurement.Header);
        Console.WriteLine(submit.Row());

        // (b) the whole loop, `loops` at once.
        cpuAt = memory.CpuSeconds();
        var loop = await LoopsAsync(api.Http, setup, county, loops, cap);
        cpu.Add($"loop: {Cpu(cpuAt, loop.Completed)} per loop of 6 calls");
        Console.WriteLine($"loops: {loop.Completed:N0} in {loop.Wall:F1} s = {loop.Completed / loop.Wall:F1} loops/s ({loop.Failed} failed), {loops} concurrent");
        foreach (var m in loop.PerCall) Console.WriteLine(m.Row());

        // (c) the lists, one client, interleaved request by request.
        cpuAt = memory.CpuSeconds();
        var listed = await api.RunInterleavedAsync(lists, listRequests, 1, TimeSpan.FromSeconds(300), ListTarget);
        cpu.Add($"lists: {Cpu(cpuAt, listed.Sum(m => m.Count))} per request (all six kinds together)");
        Console.WriteLine(string.Join("; ", cpu));
        foreach (var m in listed) Console.WriteLine(m.Row());

        // (d) statistics, if the endpoint exists on this branch.
        var statsPath = $"/api/work-orders/stats?organizationId={c}&year=2026";
        var probe = await api.Http.SendAsync(Get(statsPath, county));
        Measurement? stats = null;
        var statsNote = $"GET /api/work-orders/stats answered {(int)probe.StatusCode}: not on this branch, not measured";
        if (probe.IsSuccessStatusCode)
        {
            statsNote = "";
            stats = await api.RunAsync("GET /api/work-orders/stats?organizationId={county}&year=2026 · county admin", listRequests / 2, 1, TimeSpan.FromSeconds(300), () => Get(statsPath, county), StatsTarget);
            Console.WriteLine(stats.Row());
        }
        else Console.WriteLine(statsNote);

        await sampling.CancelAsync();
        var peakUnderLoad = await sampler;
        var final = memory.Read();

        // In-process: the app's WorkOrdersQuery for the same filters, timed and explained.
        var (inProcess, plans) = await InProcessAsync(provider, options.Connection, setup, options.Int("raw-requests", 100));
        foreach (var m in inProcess) Console.WriteLine(m.Row());

        var report = new StringBuilder();
        report.AppendLine($"# Work orders (issue 3) — {provider}, {setup.Orders:N0} orders").AppendLine();
        report.AppendLine($"- date {started:yyyy-MM-dd HH:mm} UTC, url {baseUrl}, load average at start {loadAtStart}, at end {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?")}");
        report.AppendLine($"- {setup.Orders:N0} orders in the database at start ({setup.CountyOrders:N0} placed in {Generator.BenchCounty}); submissions and loops add more while it runs");
        report.AppendLine($"- server CPU (utime+stime of the app process) — {string.Join("; ", cpu)}");
        report.AppendLine($"- server memory: after warm-up {Mb(afterWarmUp?.RssMb)}, highest under load {Mb(peakUnderLoad)}, peak (VmHWM) {Mb(final?.PeakMb)}").AppendLine();
        report.AppendLine("## Over HTTP").AppendLine().AppendLine(Measurement.Header);
        report.AppendLine(submit.Row());
        report.AppendLine($"| **loop** submit→dispatch→claim→resolve→follow-up→close ({loops} concurrent loops) | {loop.Completed} | {loops} | {Measurement.Ms(loop.Loop.P(50))} | {Measurement.Ms(loop.Loop.P(95))} | {Measurement.Ms(loop.Loop.P(99))} | {Measurement.Ms(loop.Loop.Max)} | **{(loop.Completed / loop.Wall).ToString("F1", CultureInfo.InvariantCulture)} loops/s** | {loop.Failed} | {LoopTarget} |");
        foreach (var m in loop.PerCall) report.AppendLine(m.Row());
        foreach (var m in listed) report.AppendLine(m.Row());
        if (stats is not null) report.AppendLine(stats.Row());
        if (statsNote.Length > 0) report.AppendLine().AppendLine($"(d) {statsNote}.");
        report.AppendLine().AppendLine("## In-process (WorkOrdersQuery.ListAsync, fresh DbContext per query, county admin)").AppendLine().AppendLine(Measurement.Header);
        foreach (var m in inProcess) report.AppendLine(m.Row());
        report.AppendLine().AppendLine("## Query plans").AppendLine().Append(plans);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, report.ToString());
        Console.WriteLine($"report written to {output}");
        return 0;

        // --only submit|loop: one scenario, its server CPU per request and the load average (for A/B runs while tuning).
        async Task<int> OnlyAsync(string only)
        {
            var before = memory.CpuSeconds();
            var load = File.ReadAllText("/proc/loadavg").Trim();
            if (only == "submit")
            {
                var m = await api.RunAsync("POST /api/work-orders (Desk, JSON)", int.MaxValue / 2, clients, cap, () => SubmitRequest(setup, county), SubmitTarget);
                Console.WriteLine(Measurement.Header);
                Console.WriteLine(m.Row());
                Console.WriteLine($"server CPU {Cpu(before, m.Count)} per submission; load average before {load}, after {File.ReadAllText("/proc/loadavg").Trim()}");
            }
            else
            {
                var l = await LoopsAsync(api.Http, setup, county, loops, cap);
                Console.WriteLine($"loops: {l.Completed:N0} in {l.Wall:F1} s = {l.Completed / l.Wall:F1} loops/s ({l.Failed} failed), {loops} concurrent");
                foreach (var m in l.PerCall) Console.WriteLine(m.Row());
                Console.WriteLine($"server CPU {Cpu(before, l.Completed)} per loop; load average before {load}, after {File.ReadAllText("/proc/loadavg").Trim()}");
            }

            return 0;
        }

        static string Mb(double? v) => v is { } x && !double.IsNaN(x) ? x.ToString("F0", CultureInfo.InvariantCulture) + " MB" : "–";
    }

    public sealed record LoopResult(int Completed, int Failed, double Wall, Measurement Loop, IReadOnlyList<Measurement> PerCall);

    private static readonly string[] Actions = ["submit", "dispatch", "claim", "resolve", "follow-up", "close"];

    /// <summary><paramref name="concurrent"/> loops at once, each: submit, dispatch to the place, claim for it, resolve, follow-up, close (county admin).</summary>
    public static async Task<LoopResult> LoopsAsync(HttpClient http, Setup setup, string token, int concurrent, TimeSpan duration)
    {
        var per = Actions.Select(_ => new ConcurrentBag<double>()).ToArray();
        var loopTimes = new ConcurrentBag<double>();
        var completed = 0;
        var failed = 0;
        using var stop = new CancellationTokenSource(duration);
        var wall = Stopwatch.StartNew();

        async Task<(bool Ok, JsonElement Body)> Call(int action, HttpRequestMessage message)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var sw = Stopwatch.StartNew();
            using var response = await http.SendAsync(message);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            per[action].Add(sw.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                if (Interlocked.Increment(ref failed) <= 3) Console.Error.WriteLine($"  {Actions[action]} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
                return (false, default);
            }

            return (true, JsonDocument.Parse(bytes).RootElement.Clone());
        }

        static HttpRequestMessage Post(string path, object? body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

        var workers = Enumerable.Range(0, concurrent).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var sw = Stopwatch.StartNew();
                var (submission, place) = NewSubmission(setup);
                var (ok, body) = await Call(0, Post("/api/work-orders", submission));
                if (!ok) continue;
                var id = body.GetProperty("id").GetInt64();
                if (!(await Call(1, Post($"/api/work-orders/{id}/dispatch", new { organizationId = place }))).Ok) continue;
                if (!(await Call(2, Post($"/api/work-orders/{id}/claim", null))).Ok) continue;
                if (!(await Call(3, Post($"/api/work-orders/{id}/resolve", new { note = "压测办结" }))).Ok) continue;
                if (!(await Call(4, Post($"/api/work-orders/{id}/follow-up", new { rating = 5, comment = "压测回访" }))).Ok) continue;
                if (!(await Call(5, Post($"/api/work-orders/{id}/close", new { }))).Ok) continue;
                loopTimes.Add(sw.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref completed);
            }
        });
        await Task.WhenAll(workers);
        wall.Stop();
        var seconds = wall.Elapsed.TotalSeconds;
        var perCall = Actions.Select((a, i) => new Measurement($"loop step: {a}", concurrent, [.. per[i]], 0, seconds, 0)).ToList();
        return new LoopResult(completed, failed, seconds, new Measurement("loop", concurrent, [.. loopTimes], failed, seconds, 0), perCall);
    }

    /// <summary><c>orders-queries</c>: only the in-process list queries and their plans (no server): a quick check of a change in src/.</summary>
    public static async Task<int> QueriesAsync(Options options)
    {
        var setup = await LoadAsync(new BenchDb(options.Provider, options.Connection));
        Console.WriteLine($"{setup.Orders:N0} orders ({setup.CountyOrders:N0} placed in {Generator.BenchCounty})");
        var (timings, plans) = await InProcessAsync(options.Provider, options.Connection, setup, options.Int("raw-requests", 100));
        Console.WriteLine(Measurement.Header);
        foreach (var m in timings) Console.WriteLine(m.Row());
        if (options.Flag("plans")) Console.WriteLine(plans);
        foreach (var m in await StatsInProcessAsync(options.Provider, options.Connection, setup, options.Int("stats-requests", 100))) Console.WriteLine(m.Row());
        return 0;
    }

    /// <summary>
    /// <c>WorkOrderStatsQuery</c> in-process for this year (the roll-ups, docs/kpis.md): the county by its admin, the
    /// county admin's whole scope (no organization), and the whole tree by the system admin.
    /// </summary>
    private static async Task<List<Measurement>> StatsInProcessAsync(DatabaseProvider provider, string connection, Setup setup, int requests)
    {
        var queries = await DbQueries.LoadAsync(new BenchDb(provider, connection), Generator.BenchCounty);
        var year = DateTime.UtcNow.Year;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var cases = new (string Name, Lianjian.Web.Platform.Identity.ICurrentUser User, Guid? Organization)[]
        {
            ($"stats {Generator.BenchCounty} {year}, county admin", queries.CountyAdmin, setup.CountyId),
            ($"stats own scope {year}, county admin", queries.CountyAdmin, null),
            ($"stats whole tree {year}, system admin", queries.SystemAdmin, null),
        };
        var result = new List<Measurement>();
        var self = Process.GetCurrentProcess();
        foreach (var (name, user, organization) in cases)
        {
            var latencies = new List<double>();
            var cpu = 0.0;
            var wall = Stopwatch.StartNew();
            WorkOrderStats? last = null;
            // The app's shared category dictionary (a singleton there), reading through a bench context.
            await using var services = new ServiceCollection().AddScoped<AppDbContext>(_ => queries.Db.Create()).BuildServiceProvider();
            var categories = new CategoryCache(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
            var paths = new OpenDeadlines(services.GetRequiredService<IServiceScopeFactory>(),
                new Lianjian.Web.Modules.Organizations.OrganizationPathCache(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System), TimeProvider.System);
            for (var r = 0; r < requests + 5; r++)
            {
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                await using (var db = queries.Db.Create())
                {
                    var stats = await new WorkOrderStatsQuery(db, new WorkOrderAccess(db, user), categories, paths, TimeProvider.System).GetAsync(organization, from, to);
                    if (!stats.IsSuccess) throw new InvalidOperationException(stats.Error.Message);
                    last = stats.Value;
                }

                if (r < 5) continue;
                latencies.Add(sw.Elapsed.TotalMilliseconds);
                self.Refresh();
                cpu += (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            }

            var note = last is null ? null : $"received {last.Received:N0}, valid {last.Valid:N0}, open overdue {last.OpenOverdue:N0}";
            result.Add(new Measurement($"{name} (CPU {(cpu / requests).ToString("F1", CultureInfo.InvariantCulture)} ms/query)", 1, latencies, 0, wall.Elapsed.TotalSeconds, 0, StatsTarget, note));
            Console.WriteLine($"  {name}: {note}");
        }

        return result;
    }

    /// <summary>The list filters through the app's own query class, in-process, with the engine's plans.</summary>
    private static async Task<(List<Measurement> Timings, string Plans)> InProcessAsync(DatabaseProvider provider, string connection, Setup setup, int requests)
    {
        var capture = new PlanCapture(provider) { Enabled = false };
        var queries = await DbQueries.LoadAsync(new BenchDb(provider, connection, capture), Generator.BenchCounty);
        var filters = new (string Name, WorkOrderFilter Filter, bool Counts)[]
        {
            ("ListAsync open (Dispatched,Claimed)", new WorkOrderFilter { OrganizationId = setup.CountyId, Statuses = [WorkOrderStatus.Dispatched, WorkOrderStatus.Claimed] }, false),
            ("ListAsync open + counts", new WorkOrderFilter { OrganizationId = setup.CountyId, Statuses = [WorkOrderStatus.Dispatched, WorkOrderStatus.Claimed] }, true),
            ("ListAsync overdue", new WorkOrderFilter { OrganizationId = setup.CountyId, Overdue = true }, false),
            ("ListAsync text=路灯", new WorkOrderFilter { OrganizationId = setup.CountyId, Text = "路灯" }, false),
            ("ListAsync Closed", new WorkOrderFilter { OrganizationId = setup.CountyId, Statuses = [WorkOrderStatus.Closed] }, false),
            ("ListAsync text=干斜岗", new WorkOrderFilter { OrganizationId = setup.CountyId, Text = "干斜岗" }, false),
            ("ListAsync text=灯 (1 character: last 90 days)", new WorkOrderFilter { OrganizationId = setup.CountyId, Text = "灯" }, false),
            ("system admin: ListAsync overdue", new WorkOrderFilter { Overdue = true }, false),
            ("system admin: ListAsync text=路灯", new WorkOrderFilter { Text = "路灯" }, false),
            ("system admin: ListAsync text=干斜岗", new WorkOrderFilter { Text = "干斜岗" }, false),
        };

        async Task RunOne(WorkOrderFilter filter, bool counts, bool admin)
        {
            await using var db = queries.Db.Create();
            var query = new WorkOrdersQuery(db, new WorkOrderAccess(db, admin ? queries.SystemAdmin : queries.CountyAdmin), TimeProvider.System);
            var page = await query.ListAsync(filter, null, 20, counts);
            if (!page.IsSuccess) throw new InvalidOperationException(page.Error.Message);
        }

        // Wall time, and the process's CPU time per query: on a loaded, shared machine the wall time includes waiting for a
        // core; the CPU time of a single-threaded in-process query (its pages in the OS cache) is what it costs on a quiet one.
        var latencies = filters.Select(_ => new List<double>()).ToArray();
        var cpu = new double[filters.Length];
        var self = Process.GetCurrentProcess();
        var wall = Stopwatch.StartNew();
        for (var r = 0; r < requests + 5; r++)
        {
            for (var i = 0; i < filters.Length; i++)
            {
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                await RunOne(filters[i].Filter, filters[i].Counts, filters[i].Name.StartsWith("system admin", StringComparison.Ordinal));
                if (r < 5) continue;
                latencies[i].Add(sw.Elapsed.TotalMilliseconds);
                self.Refresh();
                cpu[i] += (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            }
        }

        var timings = filters.Select((f, i) => new Measurement($"{f.Name} (CPU {(cpu[i] / requests).ToString("F1", CultureInfo.InvariantCulture)} ms/query)", 1, latencies[i], 0, wall.Elapsed.TotalSeconds, 0, ListTarget)).ToList();
        var text = new StringBuilder();
        foreach (var (name, filter, counts) in filters)
        {
            capture.Plans.Clear();
            capture.Enabled = true;
            await RunOne(filter, counts, name.StartsWith("system admin", StringComparison.Ordinal));
            capture.Enabled = false;
            text.AppendLine($"### {name}").AppendLine();
            foreach (var (sql, plan) in capture.Plans)
            {
                text.AppendLine("```sql").AppendLine(sql.Trim()).AppendLine("```").AppendLine("```");
                foreach (var line in plan) text.AppendLine(line);
                text.AppendLine("```").AppendLine();
            }
        }

        return (timings, text.ToString());
    }
}
