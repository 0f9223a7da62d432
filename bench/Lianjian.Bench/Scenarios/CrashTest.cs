using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Lianjian.Bench.Generation;
using Lianjian.Web.Modules.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Bench.Scenarios;

/// <summary>
/// Durability of an acknowledged submission (issue 3): <c>crash-submit</c> submits orders from several clients and, while
/// they are still submitting, kills the server with SIGKILL; it writes down every order the server acknowledged (201
/// with its body read to the end). After the server was started again, <c>crash-check</c> looks for each of them in the
/// database and through the restarted app's tracking link.
/// </summary>
public static class CrashTest
{
    public static async Task<int> SubmitAsync(Options options)
    {
        var baseUrl = new Uri(options.Get("url") ?? "http://127.0.0.1:5097");
        var pid = int.Parse(options.Required("server-pid"), CultureInfo.InvariantCulture);
        var clients = options.Int("clients", 16);
        var killAfter = TimeSpan.FromMilliseconds(options.Int("kill-after-ms", 3000));
        var output = options.Get("out") ?? "/tmp/lianjian-bench/acknowledged.tsv";
        var setup = await OrderScenarios.LoadAsync(new BenchDb(options.Provider, options.Connection));
        using var api = new LoadClient(baseUrl, clients);
        var token = await ScenarioRunner.TokenAsync(api.Http, Generator.CountyUser);
        using var server = Process.GetProcessById(pid);

        var acknowledged = new ConcurrentQueue<(long Id, string Number, string Token)>();
        var failedAfterKill = 0;
        var killed = false;
        var sent = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref sent);
                try
                {
                    using var response = await api.Http.SendAsync(OrderScenarios.SubmitRequest(setup, token));
                    var bytes = await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.Created) throw new HttpRequestException($"answered {(int)response.StatusCode}");
                    var body = JsonDocument.Parse(bytes).RootElement;
                    acknowledged.Enqueue((body.GetProperty("id").GetInt64(), body.GetProperty("number").GetString()!, body.GetProperty("trackingToken").GetString()!));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    if (!Volatile.Read(ref killed)) throw;
                    Interlocked.Increment(ref failedAfterKill);
                    await Task.Delay(50);
                }
            }
        }).ToList();

        await Task.Delay(killAfter);
        var before = acknowledged.Count;
        Volatile.Write(ref killed, true);
        server.Kill(); // SIGKILL on Linux: no shutdown, no flush, no checkpoint
        var killedAt = acknowledged.Count;
        await server.WaitForExitAsync();
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        await File.WriteAllLinesAsync(output, acknowledged.Select(a => $"{a.Id}\t{a.Number}\t{a.Token}"));
        Console.WriteLine($"crash-submit: {clients} clients, SIGKILL to pid {pid} after {killAfter.TotalSeconds:F1} s; {acknowledged.Count:N0} submissions acknowledged " +
                          $"({before:N0} before the kill was sent, {acknowledged.Count - killedAt} answered while it landed), {failedAfterKill} requests failed after the kill; list in {output}");
        return 0;
    }

    public static async Task<int> CheckAsync(Options options)
    {
        var input = options.Get("in") ?? "/tmp/lianjian-bench/acknowledged.tsv";
        var rows = (await File.ReadAllLinesAsync(input)).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p => (Id: long.Parse(p[0], CultureInfo.InvariantCulture), Number: p[1], Token: p[2])).ToList();
        var benchDb = new BenchDb(options.Provider, options.Connection);
        await using var db = benchDb.Create();
        var missing = new List<string>();
        foreach (var chunk in rows.Chunk(500))
        {
            var ids = chunk.Select(r => r.Id).ToList();
            var found = await db.WorkOrders.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.TrackingToken, o.SubmittedAt }).ToDictionaryAsync(o => o.Id);
            var steps = await db.WorkOrderSteps.AsNoTracking().Where(s => ids.Contains(s.WorkOrderId)).Select(s => s.WorkOrderId).Distinct().ToListAsync();
            var withStep = steps.ToHashSet();
            foreach (var r in chunk)
            {
                if (!found.TryGetValue(r.Id, out var o) || o.TrackingToken != r.Token || Lianjian.Web.Modules.WorkOrders.WorkOrder.FormatNumber(o.SubmittedAt, o.Id) != r.Number || !withStep.Contains(r.Id))
                    missing.Add(r.Number);
            }
        }

        var viaApi = 0;
        var apiChecked = 0;
        if (options.Get("url") is { } url)
        {
            using var api = new LoadClient(new Uri(url), 4);
            foreach (var r in rows.TakeLast(Math.Min(rows.Count, 200)))
            {
                apiChecked++;
                if ((await api.Http.GetAsync($"/api/tracking/{r.Token}")).StatusCode == HttpStatusCode.OK) viaApi++;
            }
        }

        Console.WriteLine($"crash-check: {rows.Count:N0} acknowledged, {rows.Count - missing.Count:N0} found with their first step in the database, {missing.Count} missing" +
                          (apiChecked > 0 ? $"; the restarted app answers the tracking link of {viaApi}/{apiChecked} (the last acknowledged)" : ""));
        foreach (var m in missing.Take(20)) Console.WriteLine("  missing: " + m);
        return missing.Count == 0 && viaApi == apiChecked ? 0 : 1;
    }
}
