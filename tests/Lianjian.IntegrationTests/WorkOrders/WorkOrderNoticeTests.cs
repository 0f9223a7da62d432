using Lianjian.IntegrationTests.Infrastructure;

namespace Lianjian.IntegrationTests.WorkOrders;

public sealed record NoticeDto(Guid Id, string Topic, string Title, string Body, string? Link);

/// <summary>Who hears of a move: 派单 tells the organization's admins, 退单 the admins over the place, 重办 the handler.</summary>
public abstract class WorkOrderNoticeTests(LianjianFactory app)
{
    private static async Task<List<NoticeDto>> NoticesAbout(HttpClient client, long id, string topic) =>
        [.. (await client.GetJson<PageDto<NoticeDto>>("/api/notifications?pageSize=200")).Items.Where(n => n.Link == $"/admin/work-orders/{id}" && n.Topic == topic)];

    [Fact]
    public async Task Dispatch_return_and_reopen_notify_who_must_act()
    {
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var putuo = await app.LoginAs("putuo");
        var repair = (await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories")).Single(c => c.Code == "repair").Id;
        var branch = await dinghai.OrgId("三龙村党支部");
        var submitted = await (await dinghai.PostJson("/api/work-orders", new { categoryId = repair, description = "通知测试", placeOrganizationId = await dinghai.OrgId("长白岛三龙村") })).Read<SubmittedDto>();

        await dinghai.PostJson($"/api/work-orders/{submitted.Id}/dispatch", new { organizationId = branch }).Ok();
        var dispatched = Assert.Single(await NoticesAbout(sanlong, submitted.Id, "work_order.dispatched"));
        Assert.Contains(submitted.Number, dispatched.Title);
        Assert.Empty(await NoticesAbout(putuo, submitted.Id, "work_order.dispatched"));

        await sanlong.PostJson($"/api/work-orders/{submitted.Id}/return", new { note = "不属于本支部" }).Ok();
        var returned = Assert.Single(await NoticesAbout(dinghai, submitted.Id, "work_order.returned"));
        Assert.Contains("不属于本支部", returned.Body);

        await dinghai.PostJson($"/api/work-orders/{submitted.Id}/dispatch", new { organizationId = branch }).Ok();
        await sanlong.PostJson($"/api/work-orders/{submitted.Id}/claim", new { }).Ok();
        await sanlong.PostJson($"/api/work-orders/{submitted.Id}/resolve", new { note = "修好了" }).Ok();
        await dinghai.PostJson($"/api/work-orders/{submitted.Id}/reopen", new { note = "抽查不合格" }).Ok();
        var reopened = Assert.Single(await NoticesAbout(sanlong, submitted.Id, "work_order.reopened"));
        Assert.Contains("抽查不合格", reopened.Body);
        Assert.Equal(2, (await NoticesAbout(sanlong, submitted.Id, "work_order.dispatched")).Count);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkOrderNoticeTests_Sqlite(SqliteApp app) : WorkOrderNoticeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkOrderNoticeTests_Postgres(PostgresApp app) : WorkOrderNoticeTests(app);
