using System.Net;
using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.Web.Platform.Notifications;
using static Lianjian.IntegrationTests.Infrastructure.NotificationHelpers;

namespace Lianjian.IntegrationTests;

/// <summary>The notification centre over HTTP: each user sees and marks only their own notifications.</summary>
public abstract class NotificationsApiTests(LianjianFactory app)
{
    private static NotificationMessage Message(string marker, string title, string? link = "/admin/work-orders/1") =>
        new("work_order.dispatched", $"{title} {marker}", $"正文 {marker}", link);

    private static async Task<List<NotificationDto>> Mine(HttpClient client, string marker) =>
        (await client.GetJson<PageDto<NotificationDto>>("/api/notifications?pageSize=200")).Items.Where(n => n.Title.Contains(marker)).ToList();

    private static async Task<int> UnreadCount(HttpClient client) => (await client.GetJson<CountDto>("/api/notifications/unread-count")).Count;

    [Fact]
    public async Task List_ShowsOwnNotificationsOnly_UnreadFirst_ThenNewestFirst()
    {
        // A new account: the demo accounts collect notifications from every other test, which would push these off the page.
        var marker = Marker();
        var admin = await app.LoginAs("dinghai");
        var userName = "nt" + Guid.NewGuid().ToString("N")[..8];
        var village = (await admin.GetJson<PageDto<OrgRow>>($"/api/organizations?name={Uri.EscapeDataString("长白岛三龙村")}")).Items.Single(o => o.Name == "长白岛三龙村").Id;
        (await admin.PostJson("/api/accounts", new { userName, displayName = "通知测试", roles = new[] { "Member" }, organizationIds = new[] { village }, password = "Tongzhi2026" })).EnsureSuccessStatusCode();
        var me = await app.UserIdOf(userName);
        await app.Notify([me], Message(marker, "第一条"));
        await app.Notify([me], Message(marker, "第二条"));
        await app.Notify([me], Message(marker, "第三条"));
        await app.Notify([await app.UserIdOf("putuo")], Message(marker, "别人的"));
        var client = await app.LoginAs(userName, "Tongzhi2026");

        var mine = await Mine(client, marker);
        Assert.Equal([$"第三条 {marker}", $"第二条 {marker}", $"第一条 {marker}"], mine.Select(n => n.Title));
        Assert.All(mine, n => Assert.Null(n.ReadAt));
        Assert.Equal("/admin/work-orders/1", mine[0].Link);

        // The newest, once read, goes after the unread ones.
        (await client.PostAsync($"/api/notifications/{mine[0].Id}/read", null)).EnsureSuccessStatusCode();
        var page = (await client.GetJson<PageDto<NotificationDto>>("/api/notifications?pageSize=200")).Items;
        mine = page.Where(n => n.Title.Contains(marker)).ToList();
        Assert.Equal([$"第二条 {marker}", $"第一条 {marker}", $"第三条 {marker}"], mine.Select(n => n.Title));
        Assert.NotNull(mine[2].ReadAt);
        var firstRead = page.FindIndex(n => n.ReadAt is not null);
        Assert.True(firstRead < 0 || page.Skip(firstRead).All(n => n.ReadAt is not null), "every unread notification comes before every read one");
    }

    [Fact]
    public async Task SomeoneElsesNotification_AnswersNotFound_AndStaysUnread()
    {
        var marker = Marker();
        await app.Notify([await app.UserIdOf("putuo")], Message(marker, "普陀的通知"));
        var putuo = await app.LoginAs("putuo");
        var theirs = Assert.Single(await Mine(putuo, marker));
        var dinghai = await app.LoginAs("dinghai");

        Assert.Empty(await Mine(dinghai, marker));
        await (await dinghai.PostAsync($"/api/notifications/{theirs.Id}/read", null)).AssertProblem(HttpStatusCode.NotFound, "notification.not_found");
        await (await dinghai.PostAsync($"/api/notifications/{Guid.NewGuid()}/read", null)).AssertProblem(HttpStatusCode.NotFound, "notification.not_found");
        Assert.Null(Assert.Single(await Mine(putuo, marker)).ReadAt);
    }

    [Fact]
    public async Task UnreadCount_FollowsReadAndReadAll_ForTheUserOnly()
    {
        var marker = Marker();
        var sanlong = await app.UserIdOf("sanlong");
        var wangge = await app.UserIdOf("wangge");
        var client = await app.LoginAs("sanlong");
        var other = await app.LoginAs("wangge");
        var before = await UnreadCount(client);

        await app.Notify([sanlong, wangge], Message(marker, "甲"));
        await app.Notify([sanlong], Message(marker, "乙"));
        await app.Notify([sanlong, sanlong], Message(marker, "丙"));
        Assert.Equal(before + 3, await UnreadCount(client));
        var otherBefore = await UnreadCount(other);

        var first = (await Mine(client, marker))[0];
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/notifications/{first.Id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/notifications/{first.Id}/read", null)).StatusCode);
        Assert.Equal(before + 2, await UnreadCount(client));

        var marked = await (await client.PostAsync("/api/notifications/read-all", null)).Read<CountDto>();
        Assert.True(marked.Count >= 2);
        Assert.Equal(0, await UnreadCount(client));
        Assert.All(await Mine(client, marker), n => Assert.NotNull(n.ReadAt));
        Assert.Equal(otherBefore, await UnreadCount(other));
    }

    [Fact]
    public async Task List_Pages_AndCanShowUnreadOnly()
    {
        var marker = Marker();
        var lingdao = await app.UserIdOf("lingdao");
        for (var i = 1; i <= 3; i++) await app.Notify([lingdao], Message(marker, $"第{i}条"));
        var client = await app.LoginAs("lingdao");

        var first = await client.GetJson<PageDto<NotificationDto>>("/api/notifications?page=1&pageSize=2");
        var second = await client.GetJson<PageDto<NotificationDto>>("/api/notifications?page=2&pageSize=2");
        Assert.Equal(2, first.Items.Count);
        Assert.True(first.Total >= 3);
        Assert.Equal((1, 2), (first.PageNumber, first.PageSize));
        Assert.Empty(first.Items.Select(n => n.Id).Intersect(second.Items.Select(n => n.Id)));

        var read = (await Mine(client, marker))[0];
        (await client.PostAsync($"/api/notifications/{read.Id}/read", null)).EnsureSuccessStatusCode();
        var unread = await client.GetJson<PageDto<NotificationDto>>("/api/notifications?unreadOnly=true&pageSize=200");
        Assert.DoesNotContain(unread.Items, n => n.Id == read.Id);
        Assert.All(unread.Items, n => Assert.Null(n.ReadAt));
        Assert.Equal(200, (await client.GetJson<PageDto<NotificationDto>>("/api/notifications?pageSize=100000")).PageSize);
    }

    [Fact]
    public async Task Anonymous_IsRefused()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notifications/unread-count")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/notifications/read-all", null)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NotificationsApiTests_Sqlite(SqliteApp app) : NotificationsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NotificationsApiTests_Postgres(PostgresApp app) : NotificationsApiTests(app);
