using Lianjian.BrowserTests.Infrastructure;
using Lianjian.Web.Platform.Notifications;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class NotificationsTests(BrowserApp app)
{
    private static string Marker() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>What a use case does: Notify through the real Notifier, then SaveChanges.</summary>
    private async Task Notify(string userName, NotificationMessage message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<Notifier>().Notify([userId], message);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Bell_CountsUnread_AndTheNotificationCentreListsMarksReadAndOpens()
    {
        var marker = Marker();
        await Notify("dinghai", new NotificationMessage("work_order.dispatched", $"工单 GD-20261124-{marker} 已派给您",
            "龙泉村干斜岗弄路面修复：路面塌陷约 3 平方米，请在 2 个工作日内响应。", "/admin/alliances"));
        await Notify("dinghai", new NotificationMessage("work_order.overdue", $"工单即将超期 {marker}", "葫芦岛五盏路灯安装将于明天 17:00 到期。", null));

        var page = await AdminUi.OpenAs(app, "dinghai", "/admin");
        var bell = page.Locator("[data-testid=notification-bell]");
        var before = int.Parse(await bell.GetAttributeAsync("data-count") ?? "0");
        Assert.True(before >= 2, $"bell shows {before}");
        await Expect(page.Locator("[data-testid=notification-badge] .mud-badge")).ToContainTextAsync(before.ToString());

        await bell.ClickAsync();
        await page.WaitForURLAsync("**/admin/notifications");
        var overdue = page.Locator("tr").Filter(new LocatorFilterOptions { HasText = $"工单即将超期 {marker}" });
        var dispatched = page.Locator("tr").Filter(new LocatorFilterOptions { HasText = $"已派给您" }).Filter(new LocatorFilterOptions { HasText = marker });
        await Expect(overdue).ToContainTextAsync("未读");
        await Expect(dispatched).ToContainTextAsync("龙泉村干斜岗弄路面修复");
        await BrowserApp.Screenshot(page, "40-admin-notifications");

        await overdue.Locator("[data-testid=notification-read]").ClickAsync();
        await Expect(overdue).ToContainTextAsync("已读");
        await Expect(bell).ToHaveAttributeAsync("data-count", (before - 1).ToString());

        // Opening marks it read and moves within the live connection (no page load to wait for).
        await dispatched.Locator("[data-testid=notification-open]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/alliances$"));
        await Expect(bell).ToHaveAttributeAsync("data-count", (before - 2).ToString());
    }

    [Fact]
    public async Task Phone_At360px_ListsNotifications_AndMarksAllRead_WithPlainForms()
    {
        var marker = Marker();
        await Notify("wangge", new NotificationMessage("work_order.dispatched", $"新工单待接单 {marker}", "三龙村村委会需要旧桌椅和电脑，请到“我的工单”抢单。", "/m"));
        await Notify("wangge", new NotificationMessage("work_order.rated", $"群众已评价 {marker}", "葫芦岛路灯安装：非常满意（5 星）。", null));

        var page = await app.NewPage(360, 740, mobile: true);
        await BrowserApp.SignIn(page, "wangge", "/m/login");
        var nav = page.Locator("[data-testid=m-nav-notifications]");
        await Expect(nav.Locator(".m-badge")).ToBeVisibleAsync();
        await nav.ClickAsync();
        await page.WaitForURLAsync("**/m/notifications");

        var items = page.Locator("[data-testid=m-notification]").Filter(new LocatorFilterOptions { HasText = marker });
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("m-unread"));
        await Expect(page.Locator("[data-testid=m-unread-count]")).ToContainTextAsync("条未读");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "页面在 360px 宽度下出现了横向滚动");
        Assert.True(await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.m-notification-body')).fontSize)") >= 17, "手机页字号过小");
        Assert.Equal(0, await page.Locator("script[src*='blazor.web.js']").CountAsync());
        await BrowserApp.Screenshot(page, "41-mobile-notifications");

        await page.Locator("[data-testid=m-read-all]").ClickAsync();
        await page.WaitForURLAsync("**/m/notifications");
        await Expect(page.Locator("[data-testid=m-unread-count]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".m-unread")).ToHaveCountAsync(0);
        await Expect(nav.Locator(".m-badge")).ToHaveCountAsync(0);
        await Expect(items).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Admin_SeesTheRobotsMasked_AndTheOutboxWithItsErrors()
    {
        // Sent by the app's own scheduler to a robot that refuses connections: it fails and waits for its retry.
        await Notify("admin", new NotificationMessage("browser.work_order.escalated", $"工单已升级 {Marker()}", "龙泉村干斜岗弄路面修复已升级到“分工会协调”。", "/admin"));

        var page = await AdminUi.OpenAs(app, "admin", "/admin/webhooks");
        var errors = page.Locator("[data-testid=outbox-errors]");
        for (var i = 0; i < 20 && !(await errors.InnerTextAsync()).Contains("连接失败"); i++)
        {
            await page.WaitForTimeoutAsync(1500);
            await page.ReloadAsync();
            await BrowserApp.WaitInteractive(page);
        }

        await Expect(errors).ToContainTextAsync("连接失败");
        await Expect(errors).ToContainTextAsync("待重试");
        var endpoints = page.Locator("[data-testid=webhook-endpoints]");
        await Expect(endpoints).ToContainTextAsync("dinghai-dingtalk");
        await Expect(endpoints).ToContainTextAsync("http://127.0.0.1:9/***");
        await Expect(endpoints).Not.ToContainTextAsync("browser-test-token");
        Assert.True(int.Parse(await page.Locator("[data-testid=outbox-pending] .value").InnerTextAsync()) >= 1);
        await BrowserApp.Screenshot(page, "42-admin-webhooks");
    }
}
