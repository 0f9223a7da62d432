using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class WorkOrderSettingsPageTests(BrowserApp app)
{
    [Fact]
    public async Task LadderPage_DrawsTheDefaultLadderAsFourLevels_AndANewLadderIsBuiltInTheDialog()
    {
        var page = await AdminUi.OpenAs(app, "gongwei", "/admin/escalation-ladders");
        var ladder = page.Locator("[data-testid=ladder][data-ladder='四级逐级响应（默认）']");
        var levels = ladder.Locator("[data-level-name]");
        await Expect(levels).ToHaveCountAsync(4);
        Assert.Equal(["同事互帮", "分工会协调", "片区互助组联动", "局工会兜底"], await levels.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.levelName)"));
        await Expect(levels.Nth(0)).ToContainTextAsync("通知承办组织及承办人");
        await Expect(levels.Nth(0)).ToContainTextAsync("6小时未办结，升至第2级");
        await Expect(levels.Nth(3)).ToContainTextAsync("通知工委管理员");
        await Expect(ladder).ToContainTextAsync("维修服务");
        await BrowserApp.Screenshot(page, "40-admin-escalation-ladders");

        var name = AdminUi.Unique("网格督办");
        await page.ClickAsync("[data-testid=ladder-create]");
        var form = page.Locator(".mud-dialog");
        await form.Locator("input[data-testid=ladder-form-name]").FillAsync(name);
        await form.Locator("[data-testid=ladder-form-add-level]").ClickAsync();
        await form.Locator("[data-testid=ladder-form-save]").ClickAsync();
        await Expect(form).ToContainTextAsync("第2级名称不能为空");
        await form.Locator("input[data-testid=ladder-form-level-name]").Nth(1).FillAsync("工委兜底");
        await form.Locator("input[data-testid=ladder-form-level-timer]").Nth(1).FillAsync("48");
        await form.Locator("button[aria-label=上移]").Nth(1).ClickAsync();
        await BrowserApp.Screenshot(page, "41-admin-escalation-ladder-dialog");
        await form.Locator("[data-testid=ladder-form-save]").ClickAsync();
        await Expect(form).ToBeHiddenAsync();

        var created = page.Locator($"[data-testid=ladder][data-ladder='{name}'] [data-level-name]");
        await Expect(created).ToHaveCountAsync(2);
        Assert.Equal(["工委兜底", "承办组织"], await created.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.levelName)"));
    }

    [Fact]
    public async Task CategoriesPage_ListsLimitsAndLadders_AndRefusesABadCodeInChinese()
    {
        var page = await AdminUi.OpenAs(app, "admin", "/admin/work-order-categories");
        var table = page.Locator("[data-testid=categories-table]");
        var repair = table.Locator("tr", new LocatorLocatorOptions { HasText = "维修服务" });
        await Expect(repair).ToContainTextAsync("便民事项");
        await Expect(repair).ToContainTextAsync("6小时");
        await Expect(repair).ToContainTextAsync("5个工作日");
        await Expect(repair).ToContainTextAsync("四级逐级响应（默认）");

        await page.ClickAsync("[data-testid=category-create]");
        var form = page.Locator(".mud-dialog");
        var name = AdminUi.Unique("渔具维修");
        await form.Locator("input[data-testid=category-form-name]").FillAsync(name);
        await form.Locator("input[data-testid=category-form-code]").FillAsync("Fishing Gear");
        await form.Locator("[data-testid=category-form-save]").ClickAsync();
        await Expect(form).ToContainTextAsync("类别代码只能由小写字母、数字和“-”组成");
        await BrowserApp.Screenshot(page, "42-admin-category-dialog-error");

        await form.Locator("input[data-testid=category-form-code]").FillAsync("gear-" + Guid.NewGuid().ToString("N")[..6]);
        await form.Locator("[data-testid=category-form-save]").ClickAsync();
        await Expect(form).ToBeHiddenAsync();
        var row = table.Locator("tr", new LocatorLocatorOptions { HasText = name });
        await Expect(row).ToContainTextAsync("6小时");
        await row.Locator("[data-testid=category-deactivate]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "停用", Exact = true }).ClickAsync();
        await Expect(row).ToBeHiddenAsync();
        await page.Locator("[data-testid=category-show-inactive]").ClickAsync();
        await Expect(table.Locator("tr", new LocatorLocatorOptions { HasText = name })).ToContainTextAsync("已停用");
        await BrowserApp.Screenshot(page, "43-admin-work-order-categories");
    }

    [Fact]
    public async Task QrPage_PrintsACardPerPlaceWithTheShortLink()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/qr-codes");
        await AdminUi.PickOrganization(page, "qr-organization", "环南街道");
        await page.ClickAsync("[data-testid=qr-generate]");
        var cards = page.Locator("[data-testid=qr-card]");
        await Expect(cards).ToHaveCountAsync(8);
        await Expect(cards.Nth(1)).ToContainTextAsync("东海社区");
        await Expect(cards.First).ToContainTextAsync("扫码点单 码上办");
        var url = await cards.Nth(1).GetAttributeAsync("data-url");
        Assert.Matches($"^{app.BaseUrl.TrimEnd('/')}/m/submit\\?place=[0-9a-f-]{{36}}$", url);
        await Expect(cards.Nth(1)).ToContainTextAsync(url!);
        Assert.StartsWith("data:image/svg+xml;base64,", await cards.First.Locator("img").GetAttributeAsync("src"));
        await BrowserApp.Screenshot(page, "44-admin-qr-codes");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=qr-generate]")).ToBeHiddenAsync();
        await Expect(cards.First).ToBeVisibleAsync();
        await BrowserApp.Screenshot(page, "45-admin-qr-codes-print");
    }
}
