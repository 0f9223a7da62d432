using System.Diagnostics;
using System.Reflection;
using Lianjian.Web.Modules.Accounts;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Bench.Generation;

/// <summary>
/// <c>generate-orders</c>: adds work orders over <c>--years</c> years (default 3; a top-up keeps the span of the orders
/// already there) to a generated database, each moved through its loop by the
/// app's own entity methods (<see cref="WorkOrder.Submit"/>, <c>Dispatch</c>, <c>Claim</c> … which consult the transition
/// table), so states, steps and timestamps are consistent by construction. Rows are written straight to the tables in
/// chunks (<see cref="BulkWriter"/>: prepared INSERTs in one transaction per chunk on SQLite, binary COPY on PostgreSQL).
/// </summary>
public static class OrderGenerator
{
    public static readonly DateTime Until = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The first day of <paramref name="years"/> calendar years ending with <see cref="Until"/>'s (3 → 2024-01-01).</summary>
    public static DateTime FromFor(int years) => new(Until.Year - years + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const int Chunk = 25_000;

    private static readonly Action<WorkOrder, long> SetId = Setter<long>(nameof(WorkOrder.Id));
    private static readonly Action<WorkOrder, string> SetToken = Setter<string>(nameof(WorkOrder.TrackingToken));

    private static Action<WorkOrder, T> Setter<T>(string name) =>
        typeof(WorkOrder).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!.GetSetMethod(nonPublic: true)!.CreateDelegate<Action<WorkOrder, T>>();

    private sealed record Place(Guid Id, string Name, string Path);

    private sealed record Member(Guid Id, string Name, Guid OrganizationId);

    public static async Task<int> RunAsync(Options options)
    {
        var provider = options.Provider;
        var count = options.Int("orders", 10_000);
        var totalTarget = options.Get("total") is not null ? options.Int("total", 0) : (int?)null;
        var seed = options.Int("seed", 20260101);
        var total = Stopwatch.StartNew();

        await using var app = BenchHost.Build(provider, options.Connection);
        await DatabaseSetup.MigrateAsync(app.Services); // also writes the starter categories and ladder when empty
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var categories = await db.WorkOrderCategories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync();
        if (categories.Count == 0) throw new InvalidOperationException("no work-order categories: the reference data did not run");
        var placeKinds = new[] { OrganizationKind.Village, OrganizationKind.Community, OrganizationKind.Grid };
        var places = await db.Organizations.AsNoTracking().Where(o => placeKinds.Contains(o.Kind) && o.IsActive)
            .OrderBy(o => o.Path).Select(o => new Place(o.Id, o.Name, o.Path)).ToListAsync();
        if (places.Count == 0) throw new OptionException("no villages, communities or grids: run generate first");
        var townships = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Township).Select(o => o.Path).ToListAsync();
        var memberKinds = new[] { PersonKind.PartyMember, PersonKind.GridWorker, PersonKind.StationedCadre };
        var members = await db.People.AsNoTracking().Where(p => memberKinds.Contains(p.Kind) && p.IsActive)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.OrganizationId, p.Organization.Path }).ToListAsync();
        var county = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.County && o.Name == Generator.BenchCounty).Select(o => o.Path).FirstAsync();
        var admin = await db.Users.AsNoTracking().Where(u => u.UserName == Generator.AdminUser).Select(u => new { u.Id, u.DisplayName }).FirstAsync();
        var countyAdmin = await db.Users.AsNoTracking().Where(u => u.UserName == Generator.CountyUser).Select(u => new { u.Id, u.DisplayName }).FirstAsync();

        // Handlers come from the place's township (a member in its subtree), or the whole city when it has none.
        var townshipSet = townships.ToHashSet();
        string TownshipFast(string path)
        {
            for (var end = path.IndexOf('/', 1); end > 0; end = path.IndexOf('/', end + 1))
                if (townshipSet.Contains(path[..(end + 1)])) return path[..(end + 1)];
            return "";
        }

        var membersByTownship = members.GroupBy(m => TownshipFast(m.Path)).ToDictionary(g => g.Key, g => g.Select(m => new Member(m.Id, m.Name ?? "党员", m.OrganizationId)).ToArray());
        var everyone = members.Select(m => new Member(m.Id, m.Name ?? "党员", m.OrganizationId)).ToArray();
        var placeTownship = places.Select(p => membersByTownship.GetValueOrDefault(TownshipFast(p.Path)) is { Length: > 0 } local ? local : everyone).ToArray();

        var existing = await db.WorkOrders.CountAsync();
        if (totalTarget is { } wanted)
        {
            count = wanted - existing;
            if (count <= 0)
            {
                Console.WriteLine($"generate-orders: {existing:N0} orders already (--total {wanted:N0}): nothing to add");
                return 0;
            }
        }

        // --years: new data spans three calendar years by default; a top-up of an existing database keeps the span of
        // the orders already there (so 10k → 100k → 1M → 10M keeps one shape), unless --years is given.
        var earliest = existing > 0 ? await db.WorkOrders.MinAsync(o => (DateTime?)o.SubmittedAt) : null;
        var years = options.Get("years") is not null ? options.Int("years", 3)
            : earliest is { } e && e < Until ? Until.Year - e.Year + 1 : 3;
        var from = FromFor(years);
        var nextId = (await db.WorkOrders.MaxAsync(o => (long?)o.Id) ?? 0) + 1;
        var nextStep = (await db.WorkOrderSteps.MaxAsync(s => (long?)s.Id) ?? 0) + 1;
        Console.WriteLine($"generate-orders: {count:N0} orders over {from:yyyy-MM-dd} … {Until:yyyy-MM-dd} across {places.Count:N0} places, " +
                          $"{categories.Count} categories, {members.Count:N0} possible handlers; first id {nextId:N0} (setup {total.Elapsed.TotalSeconds:F1} s)");

        await db.Database.OpenConnectionAsync(); // one connection for the whole load (the pragmas below are per connection)
        // A bulk load of a bench database: 256 MB of page cache for the index inserts, no fsync (the app's own setting,
        // synchronous=NORMAL, applies again to every connection the app opens).
        if (provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-262144; PRAGMA synchronous=OFF;");
        var rng = new Random(seed ^ (int)nextId); // a second batch on the same database differs from the first
        var calendar = WorkingCalendar.Empty;
        var dispatchers = new Dictionary<bool, Actor> { [true] = new(countyAdmin.Id, countyAdmin.DisplayName ?? Generator.CountyUser), [false] = new(admin.Id, admin.DisplayName ?? Generator.AdminUser) };
        var writer = new BulkWriter(db);
        var span = (Until - from).Ticks;
        var states = new Dictionary<WorkOrderStatus, int>();
        var stepCount = 0L;
        var write = Stopwatch.StartNew();
        var writing = TimeSpan.Zero;
        // PostgreSQL, a big load (≥ 500,000 orders, or --drop-indexes): the secondary indexes of the two tables are dropped
        // and built again after the load (their definitions read from pg_indexes, so they come back exactly as the
        // migrations made them): keeping a dozen random-key b-trees and a GIN index up to date row by row is most of the
        // load's time once they outgrow the cache. Primary keys and foreign keys stay.
        var dropped = provider == DatabaseProvider.Postgres && (count >= 500_000 || options.Flag("drop-indexes"))
            ? await PostgresIndexes.DropAsync(db, ["WorkOrders", "WorkOrderSteps"]) : [];
        try
        {
            for (var done = 0; done < count; done += Chunk)
            {
                var n = Math.Min(Chunk, count - done);
                var orders = new List<WorkOrder>(n);
                var steps = new List<WorkOrderStep>(n * 7);
                for (var k = 0; k < n; k++)
                {
                    var i = done + k;
                    // More orders later on (a service that grows), in order of time: ids follow submission time.
                    var x = (i + rng.NextDouble()) / count;
                    var at = new DateTime(from.Ticks + (long)(span * Growth(x)), DateTimeKind.Utc);
                    var p = rng.Next(places.Count);
                    var place = places[p];
                    var category = categories[Pick(rng, CategoryWeights)];
                    var inCounty = place.Path.StartsWith(county, StringComparison.Ordinal);
                    var (order, orderSteps) = Lifecycle(rng, nextId++, at, place, category, placeTownship[p], dispatchers[inCounty], calendar);
                    foreach (var s in orderSteps) s.Id = nextStep++;
                    orders.Add(order);
                    steps.AddRange(orderSteps);
                    states[order.Status] = states.GetValueOrDefault(order.Status) + 1;
                }

                var building = write.Elapsed;
                await writer.WriteAsync(orders);
                await writer.WriteAsync(steps);
                writing += write.Elapsed - building;
                stepCount += steps.Count;
                var written = done + n;
                var rate = written / Math.Max(write.Elapsed.TotalSeconds, 0.001);
                Console.WriteLine($"  {written:N0} / {count:N0} orders, {stepCount:N0} steps, {write.Elapsed.TotalSeconds:F0} s, {rate:N0} orders/s (writing {writing.TotalSeconds:F0} s of it), eta {(count - written) / rate:F0} s");
            }
        }
        finally
        {
            if (dropped.Count > 0) await PostgresIndexes.CreateAsync(db, dropped, line => Console.WriteLine("  " + line));
        }

        if (provider == DatabaseProvider.Postgres)
        {
            // Explicit ids bypass the identity sequences: move them past the rows, then refresh the statistics.
            await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('\"WorkOrders\"', 'Id'), (SELECT max(\"Id\") FROM \"WorkOrders\"))");
            await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('\"WorkOrderSteps\"', 'Id'), (SELECT max(\"Id\") FROM \"WorkOrderSteps\"))");
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"WorkOrders\"; ANALYZE \"WorkOrderSteps\"");
        }

        // The rows went in without the app's SaveChanges: the maintained status counts and statistics roll-ups are rebuilt
        // here by the app's own code (the rebuild-rollups verb's).
        await WorkOrderRollups.RebuildAsync(db, line => Console.WriteLine("  " + line));

        var inDb = await db.WorkOrders.CountAsync();
        var stepsInDb = await db.WorkOrderSteps.CountAsync();
        Console.WriteLine($"verified: {inDb:N0} orders, {stepsInDb:N0} steps in the database; generated by state: " +
                          string.Join(", ", states.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value:N0}")));
        Console.WriteLine($"generate-orders done in {total.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>
    /// The fraction of the time range by which a fraction <paramref name="x"/> of the orders has been submitted, for a
    /// daily volume that grows linearly to <see cref="GrowthFactor"/> times the first day's: the inverse of the
    /// cumulative share (t + k t²/2) / (1 + k/2) with k = factor − 1. (Until this fix the mapping was the cumulative share
    /// itself, which made the orders denser at the start.)
    /// </summary>
    public static double Growth(double x)
    {
        const double k = GrowthFactor - 1;
        return (Math.Sqrt(1 + 2 * k * (1 + k / 2) * x) - 1) / k;
    }

    /// <summary>Orders per day on the last day ÷ on the first: 3 (a service that triples over three years).</summary>
    public const double GrowthFactor = 3;

    // agri-tech, medical, legal, repair, errand, sales, practical-project, culture, policy-talk (starter order)
    private static readonly int[] CategoryWeights = [12, 14, 8, 30, 18, 5, 4, 5, 4];

    private static readonly Dictionary<string, string[]> Requests = new()
    {
        ["agri-tech"] = ["大棚蔬菜病虫害需要技术指导", "养殖网箱鱼苗死亡较多请专家查看", "柑橘树叶片发黄求指导", "渔船设备使用培训"],
        ["medical"] = ["独居老人需要上门测血压", "慢病随访和用药指导", "行动不便老人需要上门体检", "家庭医生签约咨询"],
        ["legal"] = ["邻里宅基地纠纷需要调解", "劳务合同审查", "拖欠工资法律咨询", "遗产继承法律咨询"],
        ["repair"] = ["路灯不亮已有一周", "楼道灯损坏", "道路坑洼积水", "自来水管漏水", "下水道堵塞", "健身器材损坏"],
        ["errand"] = ["帮助老人代办社保认证", "代缴水电费", "残疾人证代办", "就医出行需要帮扶"],
        ["sales"] = ["滞销海鲜需要销售对接", "农家土特产寻找销路", "杨梅上市需要助销"],
        ["practical-project"] = ["村口道路需要硬化", "老旧小区加装电梯", "文化礼堂设施改善"],
        ["culture"] = ["重阳节文艺演出", "青少年暑期读书会", "广场舞队需要指导"],
        ["policy-talk"] = ["医保新政策宣讲", "垃圾分类政策讲解", "党课进村"],
    };

    private static readonly string[] Streets = ["海港路", "人民路", "渔港路", "东海路", "新河路", "解放路", "金沙路", "环城路"];

    private static readonly WorkOrderChannel[] Channels = [WorkOrderChannel.Phone, WorkOrderChannel.QrCode, WorkOrderChannel.GridWorker, WorkOrderChannel.Desk, WorkOrderChannel.Api, WorkOrderChannel.Open311];
    private static readonly int[] ChannelWeights = [45, 20, 15, 15, 3, 2];
    private static readonly int[] RatingWeights = [2, 2, 6, 25, 65]; // 1..5 stars

    private static int Pick(Random rng, int[] weights)
    {
        var r = rng.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (r < weights[i]) return i;
            r -= weights[i];
        }

        return weights.Length - 1;
    }

    private static string Token(Random rng)
    {
        Span<byte> b = stackalloc byte[18];
        rng.NextBytes(b);
        return Convert.ToBase64String(b).Replace('+', '-').Replace('/', '_');
    }

    private static TimeSpan Hours(Random rng, double min, double max) => TimeSpan.FromHours(min + rng.NextDouble() * (max - min));

    /// <summary>
    /// One order's life: a plan of moves (most end 销号, some 驳回/撤回, a few 重办, a few stuck open and overdue), cut at
    /// <see cref="Until"/> — an order submitted a day before the end is still waiting for its next step.
    /// </summary>
    private static (WorkOrder Order, List<WorkOrderStep> Steps) Lifecycle(Random rng, long id, DateTime at, Place place, Category category,
        Member[] handlers, Actor dispatcher, WorkingCalendar calendar)
    {
        var channel = Channels[Pick(rng, ChannelWeights)];
        var requester = Names.Person(rng);
        var texts = Requests.GetValueOrDefault(category.Code) ?? ["需要帮助"];
        var description = $"{place.Name}：{texts[rng.Next(texts.Length)]}";
        var desk = channel is WorkOrderChannel.Desk or WorkOrderChannel.GridWorker;
        var submission = new WorkOrderSubmission(place.Id, description, $"{Streets[rng.Next(Streets.Length)]}{rng.Next(1, 300)}号", null, null,
            requester, "1" + rng.Next(30, 99).ToString("D2", null) + rng.Next(0, 100_000_000).ToString("D8", null), null,
            desk ? dispatcher.UserId : null, desk ? dispatcher.Name : requester, channel, null);
        var (order, first) = WorkOrder.Submit(submission, category, calendar, at);
        SetId(order, id);
        SetToken(order, Token(rng));
        first.WorkOrderId = id;
        first.Order = null;
        var steps = new List<WorkOrderStep> { first };
        var now = at;
        var requesterActor = new Actor(null, requester);
        var system = WorkOrderActor.System;

        // Each move happens "after" the previous one; a move later than the end of the range does not happen (yet).
        bool Step(TimeSpan after, Func<DateTime, Lianjian.Web.Platform.Results.Result<WorkOrderStep>> move)
        {
            var when = now + after;
            if (when > Until) return false;
            var result = move(when);
            if (!result.IsSuccess) throw new InvalidOperationException($"generated an illegal move: {result.Error.Code} {result.Error.Message}");
            steps.Add(result.Value);
            now = when;
            return true;
        }

        var fate = rng.NextDouble();
        if (fate < 0.03)
        {
            // 驳回: not a matter for the platform (sometimes after dispatch, when the assignee reports it).
            if (rng.NextDouble() < 0.3 && !Dispatch()) return (order, steps);
            Step(Hours(rng, 0.5, 30), t => order.Reject(WorkOrderActor.Dispatcher, dispatcher, "不属于受理范围，已告知点单人", t));
            return (order, steps);
        }

        if (fate < 0.06)
        {
            // 撤回 by the requester before anyone claimed it.
            if (rng.NextDouble() < 0.4 && !Dispatch()) return (order, steps);
            Step(Hours(rng, 0.2, 20), t => order.Withdraw(WorkOrderActor.Requester, requesterActor, "问题已自行解决", t));
            return (order, steps);
        }

        var stuck = fate < 0.075; // open and overdue: nobody moves it any more (the escalation ladder climbs)
        var stuckAt = stuck ? rng.Next(3) : -1;
        if (stuckAt == 0) return (order, Escalated(rng, order, steps));
        if (!Dispatch()) return (order, steps);
        if (stuckAt == 1) return (order, Escalated(rng, order, steps));

        var handler = handlers[rng.Next(handlers.Length)];
        var member = new Actor(null, handler.Name);
        // Most respond within the 6-hour response limit; one in ten later.
        if (!Step(rng.NextDouble() < 0.9 ? Hours(rng, 0.1, 5.5) : Hours(rng, 7, 48),
                t => order.Claim(WorkOrderActor.Candidate, member, handler.Id, order.AssigneeOrganizationId!.Value, t))) return (order, steps);
        if (stuckAt == 2) return (order, Escalated(rng, order, steps));
        if (rng.NextDouble() < 0.3 && !Step(Hours(rng, 2, 48), t => order.Progress(WorkOrderActor.Handler, member, "已到现场查看，正在处理", t))) return (order, steps);

        for (var round = 0; ; round++)
        {
            // 办结: usually within the working-day limit, one in twelve late.
            var limit = (order.ResolutionDeadline - now).TotalHours;
            var resolveIn = rng.NextDouble() < 0.92 ? Hours(rng, 1, Math.Max(2, limit * 0.9)) : Hours(rng, Math.Max(2, limit) + 1, Math.Max(3, limit) + 96);
            if (!Step(resolveIn, t => order.Resolve(WorkOrderActor.Handler, member, "已处理完毕，点单人已确认", t))) return (order, steps);

            var rating = Pick(rng, RatingWeights) + 1;
            var how = rng.NextDouble();
            var rated = how < 0.6
                ? Step(Hours(rng, 1, 72), t => order.Rate(WorkOrderAction.Rate, WorkOrderActor.Requester, requesterActor, rating, rating >= 4 ? "很满意，感谢" : "处理不够及时", t))
                : how < 0.88 && Step(Hours(rng, 24, 96), t => order.Rate(WorkOrderAction.FollowUp, WorkOrderActor.Dispatcher, dispatcher, rating, "电话回访", t));
            if (!rated && now + TimeSpan.FromHours(96) > Until) return (order, steps);

            // 重办 after a poor rating, at most twice; otherwise 销号 (a few stay rated and not yet closed).
            if (rated && rating <= 3 && round < 2 && rng.NextDouble() < 0.6)
            {
                if (!Step(Hours(rng, 1, 24), t => order.Reopen(WorkOrderActor.Dispatcher, dispatcher, "点单人不满意，重新办理", category, calendar, t))) return (order, steps);
                continue;
            }

            if (rng.NextDouble() < 0.03) return (order, steps); // rated or resolved, waiting for 销号
            Step(Hours(rng, 2, 120), t => order.Close(WorkOrderActor.Dispatcher, dispatcher, null, t));
            return (order, steps);
        }

        bool Dispatch()
        {
            var target = handlers[rng.Next(handlers.Length)];
            var toPerson = rng.NextDouble() < 0.7;
            return Step(Hours(rng, 0.1, 4), t => order.Dispatch(WorkOrderAction.Dispatch, WorkOrderActor.Dispatcher, dispatcher,
                target.OrganizationId, toPerson ? target.Id : null, !toPerson, null, t));
        }

        List<WorkOrderStep> Escalated(Random r, WorkOrder o, List<WorkOrderStep> list)
        {
            // Stuck: the ladder's first levels fire when its timers pass (6 h, then 24 h more).
            var first = o.DueAt!.Value + TimeSpan.FromHours(6);
            if (first <= Until)
            {
                list.Add(o.Escalate(system, 1, "同事互帮", first).Value);
                var second = first + TimeSpan.FromHours(24 + r.Next(24));
                if (second <= Until) list.Add(o.Escalate(system, 2, "分工会协调", second).Value);
            }

            return list;
        }
    }
}
