using System.Net;
using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform.Cli;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianjian.IntegrationTests.WorkOrders;

/// <summary>
/// The maintained roll-ups (WorkOrderDailyStats) of a village, its township and its county equal a full recount from
/// the orders (the same <see cref="WorkOrderContribution"/>, grouped in memory) after random sequences of loop actions
/// over HTTP and of direct changes saved through EF (deadline passed, date, category or place changed, order deleted);
/// after a move of the village to another county; and after the rebuild verb.
/// </summary>
public abstract class WorkOrderRollupsTests(LianjianFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    private readonly List<Guid> _villages = [];

    /// <summary>
    /// The collection's database is shared: the orders left open here get a year more (else a later escalation test, with
    /// its clock days ahead, escalates them all and floods the admins with notifications), and the hundreds of
    /// notifications of the moves here are read, so that the notification-list tests find their own on the first page.
    /// </summary>
    public async Task DisposeAsync()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var open = await db.WorkOrders.Where(o => _villages.Contains(o.PlaceOrganizationId) && WorkOrderStatusLabels.Open.Contains(o.Status)).ToListAsync();
            foreach (var order in open)
            {
                db.Entry(order).Property(o => o.ResponseDeadline).CurrentValue = order.ResponseDeadline.AddYears(1);
                db.Entry(order).Property(o => o.ResolutionDeadline).CurrentValue = order.ResolutionDeadline.AddYears(1);
            }

            await db.SaveChangesAsync();
        }

        foreach (var user in new[] { "dinghai", "sanlong", "admin", "gongwei" })
        {
            (await (await app.LoginAs(user)).PostAsync("/api/notifications/read-all", null)).EnsureSuccessStatusCode();
        }
    }

    private static readonly string[] Notes = ["随机测试", "请处理", "已修好"];

    private sealed record Loop(HttpClient Dinghai, HttpClient Sanlong, HttpClient Anonymous, Guid Branch, Guid[] Villages, Guid[] Categories);

    /// <param name="creator">Who creates the villages (the audit log keeps their name: a village that will move to 普陀区 is
    /// created by the system admin, so that 普陀's admin never sees an entry of 定海's).</param>
    private async Task<(Loop Loop, Guid Township, Guid County)> NewVillagesAsync(string creator = "dinghai")
    {
        var dinghai = await app.LoginAs("dinghai");
        var by = await app.LoginAs(creator);
        var township = await dinghai.OrgId("长白乡");
        var villages = new[]
        {
            await by.Create("/api/organizations", new { name = WriteApiHelpers.Unique("汇总村"), kind = "Village", parentId = township }),
            await by.Create("/api/organizations", new { name = WriteApiHelpers.Unique("汇总二村"), kind = "Village", parentId = township }),
        };
        _villages.AddRange(villages);
        var codes = new[] { "repair", "legal", "errand" };
        var categories = (await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories")).Where(c => codes.Contains(c.Code)).Select(c => c.Id).ToArray();
        var loop = new Loop(dinghai, await app.LoginAs("sanlong"), app.CreateClient(), await dinghai.OrgId("三龙村党支部"), villages, categories);
        return (loop, township, await dinghai.OrgId("定海区"));
    }

    [Theory]
    [InlineData(20261125)]
    [InlineData(7)]
    public async Task Random_actions_keep_the_rollups_equal_to_a_recount(int seed)
    {
        var rng = new Random(seed);
        var (loop, township, county) = await NewVillagesAsync();
        var orders = new List<(long Id, string Token)>();
        var succeeded = 0;
        for (var step = 0; step < 250; step++)
        {
            if (orders.Count == 0 || rng.Next(6) == 0) orders.Add(await SubmitAsync(loop, rng));
            else if (await ActAsync(loop, rng, orders[rng.Next(orders.Count)], orders)) succeeded++;
        }

        Assert.True(succeeded > 150, $"only {succeeded} actions went through");
        foreach (var organization in loop.Villages.Append(township).Append(county)) await AssertRollupsMatchOrdersAsync(organization);
        var stats = await loop.Dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={loop.Villages[0]}&from=2025-01-01&to=2027-12-31");
        Assert.True(stats.Received > 0);
    }

    [Fact]
    public async Task Moving_a_village_moves_its_figures_to_the_new_ancestors()
    {
        var rng = new Random(42);
        var (loop, township, county) = await NewVillagesAsync("admin");
        var orders = new List<(long Id, string Token)>();
        for (var step = 0; step < 60; step++)
        {
            if (orders.Count < 8 || rng.Next(4) == 0) orders.Add(await SubmitAsync(loop, rng));
            else await ActAsync(loop, rng, orders[rng.Next(orders.Count)], orders, direct: false);
        }

        var admin = await app.LoginAs("admin");
        var village = loop.Villages[0];
        var xiazhi = await admin.OrgId("虾峙镇");
        var putuo = await admin.OrgId("普陀区");
        var city = await admin.OrgId("舟山市");
        var villageBefore = await RowsAsync(village);
        var cityBefore = await RowsAsync(city);
        Assert.NotEmpty(villageBefore);

        await admin.PostJson($"/api/organizations/{village}/move", new { parentId = xiazhi }).Ok();

        Assert.Equal(villageBefore, await RowsAsync(village)); // its own figures are its subtree's: unchanged
        Assert.Equal(cityBefore, await RowsAsync(city)); // an ancestor on both sides: unchanged
        foreach (var organization in new[] { village, township, county, xiazhi, putuo, city }) await AssertRollupsMatchOrdersAsync(organization);

        // And the orders placed there from now on go to the new ancestors.
        await SubmitAsync(loop with { Dinghai = admin, Villages = [village] }, rng);
        foreach (var organization in new[] { village, county, xiazhi, putuo }) await AssertRollupsMatchOrdersAsync(organization);
        var stats = await admin.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={village}&from=2025-01-01&to=2027-12-31");
        Assert.Equal((await RowsAsync(village)).Sum(r => r.Figures.Received), stats.Received);
        await (await loop.Dinghai.GetAsync($"/api/work-orders/stats?organizationId={village}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_rebuild_verb_gives_the_maintained_rows()
    {
        var rng = new Random(3);
        var (loop, _, _) = await NewVillagesAsync();
        var orders = new List<(long Id, string Token)>();
        for (var step = 0; step < 40; step++)
        {
            if (orders.Count < 5 || rng.Next(4) == 0) orders.Add(await SubmitAsync(loop, rng));
            else await ActAsync(loop, rng, orders[rng.Next(orders.Count)], orders);
        }

        var before = await AllRowsAsync();
        Assert.NotEmpty(before);
        var verb = app.Services.GetServices<ICliCommand>().Single(c => c.Name == "rebuild-rollups");
        Assert.Equal(0, await verb.RunAsync(app.Services, new Dictionary<string, string>()));
        Assert.Equal(before, await AllRowsAsync());
    }

    [Fact]
    public async Task A_save_of_many_orders_on_many_days_lands_whole()
    {
        var (loop, township, county) = await NewVillagesAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var categories = await db.WorkOrderCategories.Where(c => loop.Categories.Contains(c.Id)).ToListAsync();
            var start = DateTime.UtcNow.AddDays(-700);
            for (var i = 0; i < 1_500; i++) // more rows than one statement takes: the upserts go in chunks
            {
                var submission = new WorkOrderSubmission(loop.Villages[i % 2], "批量汇总测试", null, null, null, "批量", null, null, null, "批量", WorkOrderChannel.Desk, null);
                db.WorkOrders.Add(WorkOrder.Submit(submission, categories[i % categories.Count], Lianjian.Web.Platform.Calendar.WorkingCalendar.Empty, start.AddHours(11 * i)).Order);
            }

            await db.SaveChangesAsync();
        }

        foreach (var organization in loop.Villages.Append(township).Append(county)) await AssertRollupsMatchOrdersAsync(organization);

        // And all of them deleted in one SaveChanges (they are overdue: the escalation tests share the database).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.WorkOrders.RemoveRange(await db.WorkOrders.Where(o => loop.Villages.Contains(o.PlaceOrganizationId) && o.Description == "批量汇总测试").ToListAsync());
            await db.SaveChangesAsync();
        }

        foreach (var organization in loop.Villages.Append(township).Append(county)) await AssertRollupsMatchOrdersAsync(organization);
        Assert.Empty(await RowsAsync(loop.Villages[0]));
    }

    private static async Task<(long, string)> SubmitAsync(Loop loop, Random rng)
    {
        var response = await loop.Dinghai.PostJson("/api/work-orders", new
        {
            categoryId = loop.Categories[rng.Next(loop.Categories.Length)], description = "汇总测试", placeOrganizationId = loop.Villages[rng.Next(loop.Villages.Length)],
            requesterName = "汇总", requesterPhone = "13905800003", channel = "Desk",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submitted = await response.Read<SubmittedDto>();
        return (submitted.Id, submitted.TrackingToken);
    }

    /// <summary>One random action on one order: a staff move the order allows, a requester's, or a direct change saved through EF.</summary>
    private async Task<bool> ActAsync(Loop loop, Random rng, (long Id, string Token) order, List<(long Id, string Token)> orders, bool direct = true)
    {
        var dice = rng.Next(20);
        if (direct && dice == 0) return await ChangeDirectlyAsync(loop, rng, order, orders);
        if (dice <= 2)
        {
            var (action, body) = rng.Next(3) switch
            {
                0 => ("rate", (object)new { rating = rng.Next(1, 6) }),
                1 => ("reopen", new { note = "不满意，请重办" }),
                _ => ("withdraw", new { note = "不需要了" }),
            };
            var response = await loop.Anonymous.PostJson($"/api/tracking/{order.Token}/{action}", body);
            if (response.IsSuccessStatusCode && action == "withdraw") orders.Remove(order);
            return response.IsSuccessStatusCode;
        }

        foreach (var staff in rng.Next(2) == 0 ? new[] { loop.Dinghai, loop.Sanlong } : [loop.Sanlong, loop.Dinghai])
        {
            var details = await staff.GetAsync($"/api/work-orders/{order.Id}");
            if (details.StatusCode == HttpStatusCode.NotFound) continue;
            var allowed = (await details.Read<WorkOrderDto>()).AllowedActions.Select(a => a.Slug).ToList();
            if (allowed.Count == 0) continue;
            // The ends of the loop (驳回, 撤回, 销号) less often, so that most orders travel a while.
            var weighted = allowed.SelectMany(a => Enumerable.Repeat(a, a is "reject" or "withdraw" or "close" ? 1 : 6)).ToList();
            var slug = weighted[rng.Next(weighted.Count)];
            object request = slug switch
            {
                "dispatch" or "reassign" => new { organizationId = loop.Branch, note = "请处理" },
                "follow-up" or "rate" => new { rating = rng.Next(1, 6), comment = "回访" },
                "claim" or "close" => new { },
                _ => new { note = Notes[rng.Next(Notes.Length)] },
            };
            var response = await staff.PostJson($"/api/work-orders/{order.Id}/{slug}", request);
            Assert.True(response.IsSuccessStatusCode, $"{slug}: {await response.Content.ReadAsStringAsync()}");
            if (slug is "reject" or "withdraw" or "close") orders.Remove(order);
            return true;
        }

        orders.Remove(order); // nothing left to do on it
        return false;
    }

    /// <summary>Time passing, a data fix or a deletion: any saved change of an order must move its figures.</summary>
    private async Task<bool> ChangeDirectlyAsync(Loop loop, Random rng, (long Id, string Token) order, List<(long Id, string Token)> orders)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entity = await db.WorkOrders.SingleAsync(o => o.Id == order.Id);
        var entry = db.Entry(entity);
        switch (rng.Next(5))
        {
            case 0:
                // Resolved late after all, or given more time (never made overdue: the escalation tests share the database).
                entry.Property(o => o.ResolutionDeadline).CurrentValue = entity.ResolvedAt is { } resolvedAt ? resolvedAt.AddSeconds(-1) : entity.ResolutionDeadline.AddDays(1);
                break;
            case 1:
                entry.Property(o => o.SubmittedAt).CurrentValue = entity.SubmittedAt.AddHours(-rng.Next(1, 60)); // another day
                break;
            case 2:
                entry.Property(o => o.CategoryId).CurrentValue = loop.Categories[rng.Next(loop.Categories.Length)];
                break;
            case 3:
                entry.Property(o => o.PlaceOrganizationId).CurrentValue = loop.Villages.First(v => v != entity.PlaceOrganizationId);
                break;
            default:
                db.WorkOrders.Remove(entity);
                orders.Remove(order);
                break;
        }

        await db.SaveChangesAsync();
        return true;
    }

    private async Task AssertRollupsMatchOrdersAsync(Guid organizationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).SingleAsync();
        var places = db.Organizations.Under(path).Select(o => o.Id);
        var orders = await db.WorkOrders.AsNoTracking().Where(o => places.Contains(o.PlaceOrganizationId)).ToListAsync();
        var expected = orders
            .GroupBy(o => (WorkOrderDailyStat.DayOf(o.SubmittedAt), o.CategoryId))
            .Select(g => (g.Key, Figures: g.Aggregate(WorkOrderContribution.Zero, (sum, o) => sum + WorkOrderContribution.Of(o))))
            .Where(x => !x.Figures.IsZero)
            .OrderBy(x => x.Key)
            .ToList();
        var actual = (await RowsAsync(organizationId)).Select(r => ((r.Day, r.CategoryId), r.Figures)).ToList();
        Assert.Equal(expected, actual);
    }

    private async Task<List<(DateOnly Day, Guid CategoryId, WorkOrderContribution Figures)>> RowsAsync(Guid organizationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.WorkOrderDailyStats.AsNoTracking().Where(s => s.OrganizationId == organizationId).ToListAsync();
        return [.. rows.Where(r => !r.Figures.IsZero).Select(r => (r.Day, r.CategoryId, r.Figures)).OrderBy(r => r.Day).ThenBy(r => r.CategoryId)];
    }

    private async Task<List<(Guid, DateOnly, Guid, WorkOrderContribution)>> AllRowsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.WorkOrderDailyStats.AsNoTracking().ToListAsync();
        return [.. rows.Where(r => !r.Figures.IsZero).Select(r => (r.OrganizationId, r.Day, r.CategoryId, r.Figures)).OrderBy(r => (r.OrganizationId, r.Day, r.CategoryId))];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkOrderRollupsTests_Sqlite(SqliteApp app) : WorkOrderRollupsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkOrderRollupsTests_Postgres(PostgresApp app) : WorkOrderRollupsTests(app);
