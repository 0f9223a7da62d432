using System.Net;
using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianjian.IntegrationTests.WorkOrders;

/// <summary>The list's overdue filter (stored DueAt, most overdue first) and text search (search terms + index), on both engines.</summary>
public abstract class WorkOrderListFilterTests(LianjianFactory app)
{
    private async Task<(HttpClient Dinghai, Guid Village, Guid Category)> NewVillage(string name)
    {
        var dinghai = await app.LoginAs("dinghai");
        var village = await dinghai.Create("/api/organizations", new { name = WriteApiHelpers.Unique(name), kind = "Village", parentId = await dinghai.OrgId("长白乡") });
        var category = (await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories")).Single(c => c.Code == "repair").Id;
        return (dinghai, village, category);
    }

    private static async Task<long> Submit(HttpClient client, Guid category, Guid place, string description, string? address = null) =>
        (await (await client.PostJson("/api/work-orders", new { categoryId = category, description, placeOrganizationId = place, address, channel = "Desk" }))
            .Read<SubmittedDto>()).Id;

    private async Task<(string Status, DateTime? DueAt, DateTime ResponseDeadline, DateTime ResolutionDeadline)> Stored(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var o = await db.WorkOrders.AsNoTracking().SingleAsync(o => o.Id == id);
        return (o.Status.ToString(), o.DueAt, o.ResponseDeadline, o.ResolutionDeadline);
    }

    /// <summary>As if the order had been submitted long ago: its response deadline (and so its DueAt) lies in the past.</summary>
    private async Task ResponseDueAt(long id, DateTime at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.WorkOrders.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.SubmittedAt, at.AddHours(-6)).SetProperty(o => o.ResponseDeadline, at).SetProperty(o => o.DueAt, at));
    }

    [Fact]
    public async Task The_overdue_list_is_most_overdue_first_and_pages_with_its_own_cursor()
    {
        var (dinghai, village, category) = await NewVillage("超时村");
        var ids = new List<long>();
        for (var i = 0; i < 6; i++) ids.Add(await Submit(dinghai, category, village, $"超时排序测试{i}"));
        var notYet = await Submit(dinghai, category, village, "还没超时");
        var day = DateTime.UtcNow.Date.AddDays(-10);
        // Due 10, 8, 8, 6, 4, 2 days ago (two at the same moment: the id decides), submitted in the other order.
        var due = new[] { day, day.AddDays(2), day.AddDays(2), day.AddDays(4), day.AddDays(6), day.AddDays(8) };
        for (var i = 0; i < 6; i++) await ResponseDueAt(ids[5 - i], due[i]);
        var expected = new[] { ids[5], Math.Min(ids[4], ids[3]), Math.Max(ids[4], ids[3]), ids[2], ids[1], ids[0] };

        var url = $"/api/work-orders?organizationId={village}&overdue=true&pageSize=2";
        var first = await dinghai.GetJson<WorkOrderPageDto>(url);
        var second = await dinghai.GetJson<WorkOrderPageDto>($"{url}&cursor={first.NextCursor}");
        var third = await dinghai.GetJson<WorkOrderPageDto>($"{url}&cursor={second.NextCursor}");
        Assert.NotNull(first.NextCursor);
        Assert.NotNull(second.NextCursor);
        Assert.Null(third.NextCursor);
        var all = first.Items.Concat(second.Items).Concat(third.Items).ToList();
        Assert.Equal(expected, all.Select(o => o.Id));
        Assert.All(all, o => Assert.True(o.IsOverdue));
        Assert.Equal(due, all.Select(o => o.DueAt!.Value));
        Assert.DoesNotContain(notYet, all.Select(o => o.Id));

        // The other lists stay newest first and the not-overdue filter has the one left.
        var newest = await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?organizationId={village}&pageSize=2");
        Assert.Equal(notYet, newest.Items[0].Id);
        Assert.Equal(notYet, Assert.Single((await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?organizationId={village}&overdue=false")).Items).Id);

        // A cursor belongs to its sort: handed to the other list it is a clear 400, not a wrong page or a 500.
        var problem = await (await dinghai.GetAsync($"{url}&cursor={newest.NextCursor}")).AssertProblem(HttpStatusCode.BadRequest, "work_order.cursor_sort_mismatch");
        Assert.Contains("排序", problem.GetProperty("detail").GetString());
        await (await dinghai.GetAsync($"/api/work-orders?organizationId={village}&pageSize=2&cursor={first.NextCursor}"))
            .AssertProblem(HttpStatusCode.BadRequest, "work_order.cursor_sort_mismatch");
    }

    [Fact]
    public async Task DueAt_follows_the_order_through_its_loop_and_is_empty_once_closed()
    {
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var category = (await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories")).Single(c => c.Code == "repair").Id;
        var id = await Submit(dinghai, category, await dinghai.OrgId("长白岛三龙村"), WriteApiHelpers.Unique("期限跟踪"));

        var submitted = await Stored(id);
        Assert.Equal(submitted.ResponseDeadline, submitted.DueAt); // waiting for 接单: the response deadline (6 hours) applies
        Assert.True(submitted.ResponseDeadline < submitted.ResolutionDeadline);

        await dinghai.PostJson($"/api/work-orders/{id}/dispatch", new { organizationId = await dinghai.OrgId("三龙村党支部") }).Ok();
        Assert.Equal(submitted.ResponseDeadline, (await Stored(id)).DueAt);
        await sanlong.PostJson($"/api/work-orders/{id}/claim", new { }).Ok();
        var claimed = await Stored(id);
        Assert.Equal(claimed.ResolutionDeadline, claimed.DueAt); // responded: the resolution deadline applies
        await sanlong.PostJson($"/api/work-orders/{id}/resolve", new { note = "已修好" }).Ok();
        Assert.Null((await Stored(id)).DueAt);                  // resolved: not open, never overdue
        await dinghai.PostJson($"/api/work-orders/{id}/reopen", new { note = "回访发现没修好" }).Ok();
        var reopened = await Stored(id);
        Assert.Equal("Reopened", reopened.Status);
        Assert.Equal(reopened.ResolutionDeadline, reopened.DueAt); // a new resolution deadline
        await sanlong.PostJson($"/api/work-orders/{id}/resolve", new { note = "这次修好了" }).Ok();
        await dinghai.PostJson($"/api/work-orders/{id}/close", new { }).Ok();
        var closed = await Stored(id);
        Assert.Equal("Closed", closed.Status);
        Assert.Null(closed.DueAt);
    }

    [Fact]
    public async Task Text_search_finds_two_character_longer_address_and_one_character_matches_and_nothing_else()
    {
        var (dinghai, village, category) = await NewVillage("搜索村");
        var lamp = await Submit(dinghai, category, village, "村口路灯不亮了", "东海路12号");
        var road = await Submit(dinghai, category, village, "修路后积水严重");
        var pipe = await Submit(dinghai, category, village, "水管漏水", "干斜岗小区3号楼");
        var lantern = await Submit(dinghai, category, village, "红灯笼，灯笼红");
        var led = await Submit(dinghai, category, village, "楼道LED灯闪");

        async Task<List<long>> Search(string text, string extra = "") =>
            [.. (await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?organizationId={village}&text={Uri.EscapeDataString(text)}{extra}")).Items.Select(o => o.Id).Order()];

        Assert.Equal([lamp], await Search("路灯"));              // two characters
        Assert.Equal([road], await Search("修路"));
        Assert.Equal([lamp], await Search("路灯不亮"));           // longer: the pairs in a row
        Assert.Equal([pipe], await Search("干斜岗"));             // the address
        Assert.Equal([pipe], await Search("3号楼"));
        Assert.Equal([lamp], await Search("东海路12"));
        Assert.Equal([led], await Search("LED"));                // an ASCII word
        Assert.Equal(new[] { lamp, lantern, led }.Order(), await Search("灯"));   // one character: LIKE over the last 90 days
        Assert.Equal(new[] { road, pipe }.Order(), await Search("水"));
        var today = WriteApiHelpers.ChinaToday;
        Assert.Equal([road, pipe], await Search("水", $"&from={today.AddYears(-2):yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        Assert.Empty(await Search("路灯坏"));                     // 路灯 is there, 灯坏 is not
        Assert.Empty(await Search("灯笼红灯"));                   // every pair is there (灯笼 笼红 红灯), the text is not
        Assert.Empty(await Search("亮路"));
        Assert.Equal([road], await Search("修"));
        Assert.Empty(await Search("猫"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkOrderListFilterTests_Sqlite(SqliteApp app) : WorkOrderListFilterTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkOrderListFilterTests_Postgres(PostgresApp app) : WorkOrderListFilterTests(app);
