using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

/// <summary>The loop in the back office: 窗口代办 → find it in the list → 派单 → 接单 → 办结, all by clicking.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkOrderPagesTests(BrowserApp app)
{
    // A real 1×1 PNG: the server checks a photo's content, not its name.
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task DeskEntry_ThenListDispatchClaimAndResolve_TimelineShowsEveryStep()
    {
        var description = AdminUi.Unique("村委会门口路灯不亮");

        // 定海区 enters a resident's request at the service desk.
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/work-orders/new");
        await AdminUi.Choose(page, "desk-category", "维修服务");
        await AdminUi.PickOrganization(page, "desk-place", "长白岛三龙村");
        await page.Locator("input[data-testid=desk-address]").FillAsync("三龙村村委会门口");
        await page.Locator("input[data-testid=desk-name]").FillAsync("李阿婆");
        await page.Locator("input[data-testid=desk-phone]").FillAsync("13905800001");
        await page.Locator("textarea[data-testid=desk-description]").FillAsync(description);
        await page.Locator("[data-testid=desk-form] input[type=file]").SetInputFilesAsync(new FilePayload { Name = "路灯.png", MimeType = "image/png", Buffer = Photo });
        await Expect(page.Locator("[data-testid=desk-form] .mud-chip")).ToContainTextAsync("路灯.png");
        await page.Locator("[data-testid=desk-submit]").ClickAsync();

        var number = page.Locator("[data-testid=desk-number]");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^GD-\d{8}-\d{6,}$"));
        var orderNumber = await number.InnerTextAsync();
        var tracking = await page.Locator("[data-testid=desk-tracking]").InnerTextAsync();
        Assert.StartsWith(app.BaseUrl + "/m/t/", tracking);
        await Expect(page.Locator("[data-testid=desk-receipt]")).ToContainTextAsync(description);
        await Expect(page.Locator("[data-testid=desk-receipt]")).ToContainTextAsync("13905800001");
        await BrowserApp.Screenshot(page, "50-admin-work-order-desk-receipt");

        // The list finds it by its number; the 待派单 tab counts it.
        await page.GotoAsync("/admin/work-orders");
        await BrowserApp.WaitInteractive(page);
        var table = page.Locator("[data-testid=wo-table]");
        await Expect(table.Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=wo-tabs]")).ToContainTextAsync("待派单");
        await BrowserApp.Screenshot(page, "51-admin-work-orders-list");
        await page.Locator("input[data-testid=wo-filter-text]").FillAsync(orderNumber);
        await page.Locator("[data-testid=wo-search]").ClickAsync();
        await Expect(table.Locator("tbody td[data-label='工单编号']")).ToHaveTextAsync([orderNumber]);
        Assert.Equal("待派单", (await AdminUi.Column(table, "状态")).Single());
        Assert.StartsWith("接单 ", (await AdminUi.Column(table, "时限")).Single());
        await table.Locator("[data-testid=wo-link]").ClickAsync();

        // 派单 to 三龙村党支部.
        await Expect(page.Locator("[data-testid=wo-number]")).ToHaveTextAsync(orderNumber);
        await Expect(page.Locator("[data-testid=wo-response-deadline]")).ToContainTextAsync("剩余");
        await page.Locator("[data-testid=action-dispatch]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        // 推荐承办人: ranked candidates, each with its reasons (skill, place) and current load.
        await Expect(dialog.Locator("[data-testid=dispatch-suggestion]").First).ToContainTextAsync("当前在办");
        await AdminUi.PickOrganization(page, "dispatch-organization", "三龙村党支部");
        await dialog.Locator("textarea[data-testid=dispatch-note]").FillAsync("请三龙村党支部安排电工上门");
        await BrowserApp.Screenshot(page, "52-admin-work-order-dispatch-dialog");
        await dialog.Locator("[data-testid=dispatch-save]").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=wo-status]")).ToHaveTextAsync("待接单");
        await Expect(page.Locator("[data-testid=action-dispatch]")).ToHaveCountAsync(0);

        // 三龙村党支部 claims it and reports the result with a photo.
        var sanlong = await AdminUi.OpenAs(app, "sanlong", page.Url.Replace(app.BaseUrl, ""));
        await Expect(sanlong.Locator("[data-testid=wo-number]")).ToHaveTextAsync(orderNumber);
        await sanlong.Locator("[data-testid=action-claim]").ClickAsync();
        await sanlong.Locator(".mud-dialog [data-testid=action-save]").ClickAsync();
        await Expect(sanlong.Locator("[data-testid=wo-status]")).ToHaveTextAsync("办理中");

        await sanlong.Locator("[data-testid=action-resolve]").ClickAsync();
        var resolve = sanlong.Locator(".mud-dialog");
        await resolve.Locator("[data-testid=action-save]").ClickAsync();
        await Expect(resolve.Locator("[data-testid=error-alert]")).ToBeVisibleAsync(); // 办结 must say what was done
        await resolve.Locator("textarea[data-testid=action-note]").FillAsync("五盏路灯已全部修好");
        await resolve.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "修好了.png", MimeType = "image/png", Buffer = Photo });
        await Expect(resolve.Locator(".mud-chip")).ToContainTextAsync("修好了.png");
        await resolve.Locator("[data-testid=action-save]").ClickAsync();
        await Expect(resolve).ToBeHiddenAsync();
        await Expect(sanlong.Locator("[data-testid=wo-status]")).ToHaveTextAsync("已办结");

        var steps = sanlong.Locator("[data-testid=wo-step] .wo-step-action");
        await Expect(steps).ToHaveTextAsync(["点单", "派单", "接单", "办结"]);
        var timeline = sanlong.Locator("[data-testid=wo-timeline]");
        await Expect(timeline).ToContainTextAsync("五盏路灯已全部修好");
        await Expect(timeline).ToContainTextAsync("三龙村党支部");
        await Expect(timeline.Locator("img.wo-thumb")).ToHaveCountAsync(2);
        var photoUrl = await timeline.Locator("img.wo-thumb").Last.GetAttributeAsync("src");
        var photo = await sanlong.APIRequest.GetAsync(photoUrl!);
        Assert.Equal(200, photo.Status);
        Assert.Equal("image/png", photo.Headers["content-type"]);
        await BrowserApp.Screenshot(sanlong, "53-admin-work-order-details");
    }

    [Fact]
    public async Task List_PagesWithKeysetCursors_CountsPerTab_AndExportsTheSameFilter()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/work-orders");
        var marker = AdminUi.Unique("翻页测试");
        var categories = await (await page.APIRequest.GetAsync("/api/work-order-categories")).JsonAsync();
        var category = categories!.Value.EnumerateArray().First(c => c.GetProperty("code").GetString() == "repair").GetProperty("id").GetString();
        var organizations = await (await page.APIRequest.GetAsync("/api/organizations?name=" + Uri.EscapeDataString("长白岛三龙村"))).JsonAsync();
        var village = organizations!.Value.GetProperty("items").EnumerateArray().First(o => o.GetProperty("name").GetString() == "长白岛三龙村").GetProperty("id").GetString();
        for (var i = 1; i <= 21; i++)
        {
            var created = await page.APIRequest.PostAsync("/api/work-orders", new APIRequestContextOptions
            {
                DataObject = new { categoryId = category, description = $"{marker} 第{i}单", placeOrganizationId = village, channel = "Desk" },
            });
            Assert.Equal(201, created.Status);
        }

        await page.Locator("input[data-testid=wo-filter-text]").FillAsync(marker);
        await page.Locator("[data-testid=wo-search]").ClickAsync();
        var table = page.Locator("[data-testid=wo-table]");
        var descriptions = table.Locator("tbody td[data-label='需求描述']");
        await Expect(descriptions).ToHaveCountAsync(20);
        await Expect(descriptions.First).ToHaveTextAsync($"{marker} 第21单"); // newest first
        await Expect(page.Locator("[data-testid=wo-tabs]")).ToContainTextAsync("待派单 21");
        await Expect(page.Locator("[data-testid=wo-tabs]")).ToContainTextAsync("全部 21");
        await Expect(page.Locator("[data-testid=wo-prev]")).ToBeDisabledAsync();

        await page.Locator("[data-testid=wo-next]").ClickAsync();
        await Expect(descriptions).ToHaveTextAsync([$"{marker} 第1单"]);
        await Expect(page.Locator("[data-testid=wo-next]")).ToBeDisabledAsync();
        await page.Locator("[data-testid=wo-prev]").ClickAsync();
        await Expect(descriptions).ToHaveCountAsync(20);
        await Expect(descriptions.First).ToHaveTextAsync($"{marker} 第21单");

        // The 待接单 tab: none of them; the export link carries the tab and the text.
        await page.Locator("[data-testid=wo-tabs] .mud-tab").Filter(new LocatorFilterOptions { HasText = "待接单" }).ClickAsync();
        await Expect(table).ToContainTextAsync("没有符合条件的工单");
        var href = await page.Locator("[data-testid=wo-export]").GetAttributeAsync("href");
        Assert.Contains("status=Dispatched", href);
        Assert.Contains("text=" + Uri.EscapeDataString(marker), href);
        await page.Locator("[data-testid=wo-tabs] .mud-tab").Filter(new LocatorFilterOptions { HasText = "待派单" }).ClickAsync();
        await Expect(descriptions).ToHaveCountAsync(20);
        var export = await page.APIRequest.GetAsync((await page.Locator("[data-testid=wo-export]").GetAttributeAsync("href"))!);
        Assert.Equal(200, export.Status);
        using var stream = new MemoryStream(await export.BodyAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(21, rows.Count);
        Assert.All(rows, r => Assert.Equal("待派单", r["状态"]?.ToString()));
    }
}
