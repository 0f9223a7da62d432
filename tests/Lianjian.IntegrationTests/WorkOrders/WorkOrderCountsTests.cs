using System.Net;
using Lianjian.IntegrationTests.Infrastructure;

namespace Lianjian.IntegrationTests.WorkOrders;

/// <summary>
/// The status tabs' counts of a whole subtree come from the maintained per-place counts (WorkOrderCounts); with any other
/// filter they are counted from the orders. Both must agree after submissions and every kind of move.
/// </summary>
public abstract class WorkOrderCountsTests(LianjianFactory app)
{
    private const string Village = "长白岛三龙村";

    private static async Task<Dictionary<string, int>> Counts(HttpClient client, Guid under, bool fromOrders)
    {
        // from=2000-01-01 changes nothing in the result but makes the query count the orders themselves.
        var page = await client.GetJson<WorkOrderPageDto>($"/api/work-orders?organizationId={under}&pageSize=1&counts=true{(fromOrders ? "&from=2000-01-01" : "")}");
        return page.CountsByStatus!;
    }

    private static async Task AssertAgree(HttpClient client, Guid under)
    {
        var maintained = await Counts(client, under, fromOrders: false);
        var counted = await Counts(client, under, fromOrders: true);
        Assert.Equal(counted.OrderBy(c => c.Key), maintained.OrderBy(c => c.Key));
    }

    private static async Task<long> Submit(HttpClient client, Guid category, Guid place, string? clientRequestId = null, string? description = null)
    {
        var response = await client.PostJson("/api/work-orders", new
        {
            categoryId = category, description = description ?? WriteApiHelpers.Unique("计数测试：楼道灯不亮"), placeOrganizationId = place,
            requesterName = "计数", requesterPhone = "13905800002", clientRequestId, channel = "Desk",
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Read<SubmittedDto>()).Id;
    }

    [Fact]
    public async Task Maintained_counts_agree_with_the_orders_after_every_kind_of_move()
    {
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var village = await dinghai.OrgId(Village);
        var county = await dinghai.OrgId("定海区");
        var branch = await dinghai.OrgId("三龙村党支部");
        var category = (await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories")).Single(c => c.Code == "repair").Id;
        await AssertAgree(dinghai, village);
        var before = await Counts(dinghai, village, fromOrders: false);

        var retryId = WriteApiHelpers.Unique("count-retry");
        var text = WriteApiHelpers.Unique("计数测试：重发");
        var a = await Submit(dinghai, category, village, retryId, text);
        Assert.Equal(a, await Submit(dinghai, category, village, retryId, text)); // a retry adds nothing
        var b = await Submit(dinghai, category, village);
        var c = await Submit(dinghai, category, village);
        var after = await Counts(dinghai, village, fromOrders: false);
        Assert.Equal(before.GetValueOrDefault("Submitted") + 3, after.GetValueOrDefault("Submitted"));

        await dinghai.PostJson($"/api/work-orders/{a}/dispatch", new { organizationId = branch, note = "请处理" }).Ok();
        await sanlong.PostJson($"/api/work-orders/{a}/claim", new { }).Ok();
        Assert.False((await sanlong.PostJson($"/api/work-orders/{a}/claim", new { })).IsSuccessStatusCode); // refused: nothing counted
        await sanlong.PostJson($"/api/work-orders/{a}/resolve", new { note = "已修好" }).Ok();
        await dinghai.PostJson($"/api/work-orders/{b}/reject", new { note = "不属于服务范围" }).Ok();
        await AssertAgree(dinghai, village);
        await AssertAgree(dinghai, county);
        after = await Counts(dinghai, village, fromOrders: false);
        Assert.Equal(before.GetValueOrDefault("Submitted") + 1, after.GetValueOrDefault("Submitted"));
        Assert.Equal(before.GetValueOrDefault("Resolved") + 1, after.GetValueOrDefault("Resolved"));
        Assert.Equal(before.GetValueOrDefault("Rejected") + 1, after.GetValueOrDefault("Rejected"));
        Assert.True(c > 0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkOrderCountsTests_Sqlite(SqliteApp app) : WorkOrderCountsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkOrderCountsTests_Postgres(PostgresApp app) : WorkOrderCountsTests(app);
