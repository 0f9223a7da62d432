using Lianjian.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

/// <summary>大屏 (/admin/screen) on a wall-sized window: totals, the schematic map of the islands, the trend, the latest closed cases.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenTests(BrowserApp app)
{
    [Fact]
    public async Task The_big_screen_shows_the_city_and_its_counties()
    {
        var page = await app.NewPage();
        page.SetDefaultTimeout(AdminUi.Timeout);
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserApp.SignIn(page, "gongwei");
        await page.GotoAsync("/admin/screen");
        await BrowserApp.WaitInteractive(page);
        await Expect(page.Locator("[data-testid=screen-title]")).ToContainTextAsync("党建联建闭环服务");
        await Expect(page.Locator("[data-testid=screen-totals]")).ToContainTextAsync("解决率");
        var map = page.Locator("svg[data-testid=screen-map]");
        await Expect(map.Locator("[data-testid=map-place]").Filter(new() { HasText = "定海区" })).ToHaveCountAsync(1);
        await Expect(page.Locator("svg[data-testid=screen-trend]")).ToContainTextAsync("有效工单");
        await Expect(page.Locator("[data-testid=screen-case]").First).ToContainTextAsync("★");

        // The clock ticks without a reload: the page is live.
        var before = await page.Locator("[data-testid=screen-clock]").TextContentAsync();
        await Expect(page.Locator("[data-testid=screen-clock]")).Not.ToHaveTextAsync(before!, new() { Timeout = 5000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDirectory, "72-admin-big-screen.png") });

        // An island opens its own screen.
        await map.Locator("[data-testid=map-place]").Filter(new() { HasText = "定海区" }).ClickAsync();
        await Expect(page.Locator("[data-testid=screen-title]")).ToContainTextAsync("定海区");
    }
}
