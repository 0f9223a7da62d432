using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

/// <summary>公示 (/p) in a real browser, without signing in, on the demo data: a phone and a desk.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicationTests(BrowserApp app)
{
    [Theory]
    [InlineData(390, 844, true, "80-public-phone")]
    [InlineData(1440, 900, false, "81-public-desktop")]
    public async Task A_visitor_reads_the_figures_and_walks_down_to_a_district_with_its_closed_cases(int width, int height, bool mobile, string shot)
    {
        var page = await app.NewPage(width, height, mobile);
        var home = await page.GotoAsync(app.BaseUrl + "/p");
        Assert.Equal(200, home!.Status);
        Assert.Equal("public, max-age=60", await home.HeaderValueAsync("cache-control"));

        var city = page.Locator("[data-testid=top]").Filter(new LocatorFilterOptions { Has = page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "舟山市" }) });
        await Expect(city.Locator("[data-testid=fig-received] strong")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[1-9]\d*$"));
        await Expect(city.Locator("[data-testid=fig-satisfaction-rate] strong")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d%$"));
        await Expect(city.Locator("[data-testid=child]")).ToContainTextAsync(["定海区", "普陀区"], new LocatorAssertionsToContainTextOptions { });
        Assert.Equal(0, await page.Locator("script[src*='blazor.web.js']").CountAsync());
        await AssertFitsTheWidth(page);
        await BrowserApp.Screenshot(page, shot + "-home");

        await city.Locator("[data-testid=child] a", new LocatorLocatorOptions { HasText = "定海区" }).ClickAsync();
        await Expect(page.Locator("[data-testid=org-name]")).ToContainTextAsync("定海区");
        await Expect(page.Locator(".p-crumbs")).ToContainTextAsync("舟山市");
        await Expect(page.Locator("[data-testid=children]")).ToContainTextAsync("长白乡");
        var firstCase = page.Locator("[data-testid=case]").First;
        await Expect(firstCase.Locator(".p-case-head strong")).Not.ToBeEmptyAsync();
        await Expect(firstCase).ToContainTextAsync("办结");
        Assert.True(await page.Locator("[data-testid=case]").CountAsync() is > 0 and <= 10);
        Assert.Equal(0, await page.Locator("[data-testid=case] img").CountAsync());
        await AssertFitsTheWidth(page);
        await BrowserApp.Screenshot(page, shot + "-dinghai");

        // The pager goes on to older cases; the year tabs to last year.
        if (await page.Locator("[data-testid=older]").CountAsync() > 0)
        {
            var firstId = await firstCase.GetAttributeAsync("data-id");
            await page.Locator("[data-testid=older]").ClickAsync();
            await Expect(page.Locator("[data-testid=case]").First).Not.ToHaveAttributeAsync("data-id", firstId!);
        }

        await page.Locator(".p-year-tabs a").Nth(1).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"year=\d{4}$"));
        await Expect(page.Locator(".p-year-tabs a.active")).ToHaveTextAsync($"{DateTime.UtcNow.AddHours(8).Year - 1}年");
    }

    [Fact]
    public async Task A_visitor_finds_a_village_by_name()
    {
        var page = await app.NewPage(390, 844, mobile: true);
        await page.GotoAsync(app.BaseUrl + "/p");
        await page.Locator("[data-testid=search]").FillAsync("三龙");
        await page.Locator("[data-testid=search]").PressAsync("Enter");
        await page.Locator("[data-testid=hit]", new PageLocatorOptions { HasText = "长白岛三龙村" }).First.ClickAsync();
        await Expect(page.Locator("[data-testid=org-name]")).ToContainTextAsync("长白岛三龙村");
    }

    private static async Task AssertFitsTheWidth(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "公示页出现了横向滚动");
}
