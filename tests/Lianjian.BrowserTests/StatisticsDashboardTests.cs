using System.Text.RegularExpressions;
using Lianjian.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

/// <summary>The dashboard on /admin (issue 4): charts with Chinese labels, comparisons, click-through to the orders behind a figure, drill-down.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsDashboardTests(BrowserApp app)
{
    [Fact]
    public async Task Dashboard_draws_the_trend_and_the_ranking_with_chinese_labels()
    {
        var page = await AdminUi.OpenAs(app, "gongwei", "/admin");
        var dashboard = page.Locator("[data-testid=dashboard]");
        await Expect(dashboard.Locator("[data-testid=dashboard-title]")).ToContainTextAsync("今年");
        await Expect(dashboard.Locator("[data-testid=kpi-yoy]").First).ToContainTextAsync("同比");
        await Expect(dashboard.Locator("[data-testid=dashboard-source]")).ToContainTextAsync("数据来源");

        var trend = page.Locator("svg[data-testid=chart-trend]");
        await Expect(trend).ToContainTextAsync("本期");
        await Expect(trend).ToContainTextAsync("上年同月");
        await Expect(trend).ToContainTextAsync("1月");
        var ranking = page.Locator("svg[data-testid=chart-ranking]");
        await Expect(ranking.Locator("[data-testid=bar]").First).ToBeVisibleAsync();
        await Expect(ranking).ToContainTextAsync("1.");
        await Expect(page.Locator("[data-testid=ranking-row]").First).ToBeVisibleAsync();
        await Expect(page.Locator("svg[data-testid=chart-categories] [data-testid=bar]").First).ToBeVisibleAsync();
        await page.Locator("[data-testid=dashboard-ranking]").ScrollIntoViewIfNeededAsync();
        await BrowserApp.Screenshot(page, "70-admin-dashboard");
    }

    [Fact]
    public async Task A_figure_opens_the_list_of_the_orders_behind_it()
    {
        var page = await AdminUi.OpenAs(app, "gongwei", "/admin");
        var tile = page.Locator("[data-testid=kpi]").Filter(new() { HasText = "解决率" });
        await tile.ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/work-orders\\?"));
        await BrowserApp.WaitInteractive(page);
        await Expect(page.Locator("[data-testid=wo-status-set]")).ToContainTextAsync("已办结、已评价、已销号");
        var year = DateTime.UtcNow.AddHours(8).Year;
        var values = await page.Locator("[data-testid=wo-filters] input").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        Assert.Contains(values, v => v.StartsWith($"{year}-01-01", StringComparison.Ordinal));
        await Expect(page.Locator("[data-testid=wo-table] tbody tr").First).ToContainTextAsync(new Regex("已办结|已评价|已销号"));
        await BrowserApp.Screenshot(page, "71-admin-dashboard-click-through");
    }

    [Fact]
    public async Task A_sub_organization_opens_its_own_dashboard()
    {
        var page = await AdminUi.OpenAs(app, "gongwei", "/admin?from=2026-01-01&to=2026-12-31");
        var first = page.Locator("[data-testid=ranking-row] a").First;
        var name = (await first.TextContentAsync())!.Trim();
        await first.ClickAsync();
        await Expect(page.Locator("[data-testid=dashboard-title]")).ToContainTextAsync(name);
        await Expect(page).ToHaveURLAsync(new Regex("organizationId="));
    }
}
