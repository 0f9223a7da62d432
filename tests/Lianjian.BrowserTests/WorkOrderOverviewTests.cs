using Lianjian.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

/// <summary>The home page's work-order KPIs and the 月提醒 page, on the demo data (the seeds' cases and a year of work).</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkOrderOverviewTests(BrowserApp app)
{
    [Fact]
    public async Task Home_shows_the_kpis_with_their_formulas()
    {
        var page = await AdminUi.OpenAs(app, "gongwei", "/admin");
        var kpis = page.Locator("[data-testid=work-order-kpis]");
        await Expect(kpis.Locator("[data-testid=kpi]")).ToHaveCountAsync(7);
        await Expect(kpis).ToContainTextAsync("响应率");
        await Expect(kpis).ToContainTextAsync("满意率");
        await Expect(kpis).ToContainTextAsync("4–5星");
        await Expect(kpis.Locator(".kpi-value").Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d)?%$"));
        await BrowserApp.Screenshot(page, "60-admin-home-kpis");
    }

    [Fact]
    public async Task Reminders_list_the_late_road_repair_of_longquan_under_its_handler()
    {
        var page = await AdminUi.OpenAs(app, "gongwei", "/admin/work-orders/reminders");
        await Expect(page.Locator("[data-testid=reminder-overdue]")).ToContainTextAsync("已超时");
        var group = page.Locator("[data-testid=reminder-group]").Filter(new() { HasText = "嵊泗县机关事务管理中心党支部" });
        await Expect(group).ToContainTextAsync("干斜岗弄路");
        // Level 2 in the demo data; the escalation job (running in this app) may have moved it further up since.
        await Expect(group).ToContainTextAsync(new System.Text.RegularExpressions.Regex("第[2-4]级"));
        await BrowserApp.Screenshot(page, "61-admin-work-order-reminders");
    }
}
