using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

/// <summary>
/// 群众点单 → 工委派单 → 党员接单 → 社会评单 on a 360×740 phone: a resident scans the village's QR code and submits
/// with a photo, 定海区 puts the order in 三龙村党支部's pool, a member of that branch grabs and resolves it on the phone,
/// and the resident rates it through the tracking link.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkOrderLoopOnPhoneTests(BrowserApp app)
{
    // A real 1×1 PNG (red pixel), as a phone camera would send a picture.
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Resident_submits_by_qr_code_member_grabs_and_resolves_on_the_phone_resident_rates_by_link()
    {
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await SignInApi(api, "dinghai");
        var village = await OrgId(api, "长白岛三龙村");
        var branch = await OrgId(api, "三龙村党支部");
        var member = await CreateMember(api, branch);

        // 1. The resident scans the village's QR code: the place is fixed and shown by name.
        var resident = await app.NewPage(360, 740, mobile: true);
        await resident.GotoAsync($"/m/submit?place={village}");
        await Expect(resident.Locator("[data-testid=fixed-place]")).ToContainTextAsync("长白岛三龙村");
        var description = "村委会门口路灯不亮" + Guid.NewGuid().ToString("N")[..6];
        await resident.Locator("[data-testid=category]").SelectOptionAsync(new SelectOptionValue { Label = await FirstCategoryLabel(resident) });
        await resident.FillAsync("[data-testid=description]", description);
        await resident.FillAsync("[data-testid=address]", "三龙村村委会门口");
        await resident.FillAsync("[data-testid=requester-name]", "李阿婆");
        await resident.FillAsync("[data-testid=phone]", "13905800001");
        var photoFile = Path.Combine(Path.GetTempPath(), $"lianjian-photo-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(photoFile, Photo);
        await resident.Locator("[data-testid=photos]").SetInputFilesAsync(photoFile);
        await Expect(resident.Locator("[data-photo-preview] img")).ToHaveCountAsync(1);
        AssertFitsThePhone(await resident.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserApp.Screenshot(resident, "30-phone-submit-form");

        await resident.ClickAsync("[data-testid=submit]");
        var number = (await resident.Locator("[data-testid=tracking-number]").InnerTextAsync()).Trim();
        Assert.Matches(@"^GD-\d{8}-\d{6,}$", number);
        await Expect(resident.Locator("[data-testid=submitted]")).ToContainTextAsync("保存此链接可随时查看进度和评价");
        var trackingLink = await resident.Locator("[data-testid=tracking-link]").GetAttributeAsync("href");
        Assert.StartsWith("/m/t/", trackingLink);
        await BrowserApp.Screenshot(resident, "31-phone-submitted");
        File.Delete(photoFile);

        // 2. 定海区 puts it into 三龙村党支部's open pool.
        var order = await FindOrder(api, description);
        Assert.Equal(number, order.GetProperty("number").GetString());
        var dispatched = await api.PostAsJsonAsync($"/api/work-orders/{order.GetProperty("id").GetInt64()}/dispatch", new { organizationId = branch, pool = true, note = "请三龙村党支部党员抢单" });
        Assert.True(dispatched.IsSuccessStatusCode, await dispatched.Content.ReadAsStringAsync());

        // 3. A member of the branch grabs it from the pool on the phone.
        var phone = await app.NewPage(360, 740, mobile: true);
        await SignInPhone(phone, member);
        await Expect(phone.Locator("[data-testid=work-order-links]")).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "抢单池" }).ClickAsync();
        var card = phone.Locator($"[data-testid=order][data-number='{number}']");
        await Expect(card).ToContainTextAsync(description);
        AssertFitsThePhone(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserApp.Screenshot(phone, "32-phone-pool");
        await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "抢单" }).ClickAsync();
        await Expect(phone.Locator("[data-testid=done]")).ToContainTextAsync("接单成功");
        await Expect(phone.Locator("[data-testid=order-status]")).ToHaveTextAsync("办理中");

        // 4. … and resolves it with a note.
        await phone.FillAsync("[data-testid=resolve-note]", "已更换灯泡，五盏路灯全部恢复照明");
        await phone.ClickAsync("[data-testid=resolve]");
        await Expect(phone.Locator("[data-testid=order-status]")).ToHaveTextAsync("已办结");
        await Expect(phone.Locator("[data-testid=timeline]")).ToContainTextAsync("已更换灯泡");
        await Expect(phone.Locator("[data-testid=timeline] img")).ToHaveCountAsync(1); // the resident's photo, served to the handler
        Assert.True(await phone.Locator("[data-testid=timeline] img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1"), "照片没有显示");
        await BrowserApp.Screenshot(phone, "33-phone-member-order");

        // 5. The resident opens the tracking link and gives 5 stars.
        await resident.GotoAsync(trackingLink!);
        await Expect(resident.Locator("[data-testid=resolution]")).ToHaveTextAsync("已更换灯泡，五盏路灯全部恢复照明");
        await resident.Locator("label:has([data-testid=star-5])").ClickAsync();
        await resident.FillAsync("[data-testid=rating-comment]", "修得很快，谢谢！");
        await resident.Locator("[data-testid=rate-form]").ScrollIntoViewIfNeededAsync();
        await resident.Locator("[data-testid=rate-form]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotDirectory, "34a-phone-rate-form.png") });
        await resident.ClickAsync("[data-testid=rate]");
        await Expect(resident.Locator("[data-testid=done]")).ToContainTextAsync("感谢您的评价");
        await Expect(resident.Locator("[data-testid=public-status]")).ToHaveTextAsync("已办结，已评价");
        await Expect(resident.Locator("[data-testid=my-rating]")).ToContainTextAsync("★★★★★");
        await Expect(resident.Locator("[data-testid=rate-form]")).ToHaveCountAsync(0);
        AssertFitsThePhone(await resident.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Equal(0, await resident.Locator("script[src*='blazor.web.js']").CountAsync());
        await BrowserApp.Screenshot(resident, "34-phone-tracking-rated");

        var final = await Details(api, order.GetProperty("id").GetInt64());
        Assert.Equal("Rated", final.GetProperty("status").GetString());
        Assert.Equal(5, final.GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task A_second_member_who_taps_late_is_told_someone_was_faster()
    {
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await SignInApi(api, "dinghai");
        var branch = await OrgId(api, "三龙村党支部");
        var first = await CreateMember(api, branch);
        var second = await CreateMember(api, branch);
        var submitted = await api.PostAsJsonAsync("/api/work-orders", new
        {
            categoryId = await CategoryId(api), description = "抢单测试" + Guid.NewGuid().ToString("N")[..6],
            placeOrganizationId = await OrgId(api, "长白岛三龙村"), channel = "Desk",
        });
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.True((await api.PostAsJsonAsync($"/api/work-orders/{id}/dispatch", new { organizationId = branch, pool = true })).IsSuccessStatusCode);

        var a = await app.NewPage(360, 740, mobile: true);
        var b = await app.NewPage(360, 740, mobile: true);
        await SignInPhone(a, first);
        await SignInPhone(b, second);
        await a.GotoAsync("/m/work-orders?tab=pool");
        await b.GotoAsync("/m/work-orders?tab=pool");
        await a.ClickAsync($"[data-testid=claim-{id}]");
        await Expect(a.Locator("[data-testid=done]")).ToContainTextAsync("接单成功");
        await b.ClickAsync($"[data-testid=claim-{id}]");
        await Expect(b.Locator("[data-testid=claim-error]")).ToHaveTextAsync("手慢了，已被其他人接单");
        await Expect(b.Locator($"[data-testid=claim-{id}]")).ToHaveCountAsync(0);
        await BrowserApp.Screenshot(b, "35-phone-pool-too-late");
    }

    [Fact]
    public async Task Grid_worker_reports_from_their_grid_on_the_phone()
    {
        var page = await app.NewPage(360, 740, mobile: true);
        await SignInPhone(page, "wangge");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "网格员上报" }).ClickAsync();
        await Expect(page.Locator("[data-testid=place] option:checked")).ToHaveTextAsync("东海社区第一网格");
        await page.Locator("[data-testid=category]").SelectOptionAsync(new SelectOptionValue { Label = await FirstCategoryLabel(page) });
        var description = "楼道堆放杂物" + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("[data-testid=description]", description);
        await BrowserApp.Screenshot(page, "36-phone-grid-report");
        await page.ClickAsync("[data-testid=submit]");
        await Expect(page.Locator("[data-testid=tracking-number]")).ToContainTextAsync("GD-");

        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await SignInApi(api, "dinghai");
        var order = await Details(api, (await FindOrder(api, description)).GetProperty("id").GetInt64());
        Assert.Equal("GridWorker", order.GetProperty("channel").GetString());
        Assert.Equal("东海社区第一网格", order.GetProperty("placeName").GetString());
    }

    [Fact]
    public async Task A_fake_photo_is_refused_beside_its_field_and_what_was_typed_is_kept()
    {
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await SignInApi(api, "dinghai");
        var page = await app.NewPage(360, 740, mobile: true);
        await page.GotoAsync($"/m/submit?place={await OrgId(api, "长白岛三龙村")}");
        await page.Locator("[data-testid=category]").SelectOptionAsync(new SelectOptionValue { Label = await FirstCategoryLabel(page) });
        await page.FillAsync("[data-testid=description]", "码头护栏松动");
        await page.FillAsync("[data-testid=phone]", "13905800003");
        await page.Locator("[data-testid=photos]").SetInputFilesAsync(new FilePayload { Name = "护栏.jpg", MimeType = "image/jpeg", Buffer = "不是图片"u8.ToArray() });
        await page.ClickAsync("[data-testid=submit]");

        await Expect(page.Locator("[data-testid=form-error]")).ToHaveTextAsync("请按提示修改后再提交。");
        await Expect(page.Locator(".m-field-error")).ToContainTextAsync("第1张照片");
        await Expect(page.Locator("[data-testid=description]")).ToHaveValueAsync("码头护栏松动");
        await Expect(page.Locator("[data-testid=phone]")).ToHaveValueAsync("13905800003");
        await BrowserApp.Screenshot(page, "37-phone-submit-bad-photo");

        var missing = await page.GotoAsync("/m/t/this-link-was-mistyped");
        Assert.Equal(404, missing!.Status);
        await Expect(page.Locator("[data-testid=tracking-not-found]")).ToBeVisibleAsync();
        await BrowserApp.Screenshot(page, "38-phone-tracking-not-found");
    }

    private static void AssertFitsThePhone(bool fits) => Assert.True(fits, "页面在 360px 宽度下出现了横向滚动");

    private static async Task<string> FirstCategoryLabel(IPage page) =>
        (await page.Locator("[data-testid=category] optgroup option").First.InnerTextAsync()).Trim();

    private static async Task SignInPhone(IPage page, string userName)
    {
        await page.GotoAsync("/m/login");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", Lianjian.Web.Modules.Accounts.DemoSignIns.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    private static async Task SignInApi(HttpClient api, string userName)
    {
        var response = await api.PostAsJsonAsync("/api/auth/token", new { userName, password = Lianjian.Web.Modules.Accounts.DemoSignIns.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private static async Task<Guid> OrgId(HttpClient api, string name)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/organizations?name={Uri.EscapeDataString(name)}&pageSize=200");
        return page.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> CategoryId(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/work-order-categories")).EnumerateArray().First().GetProperty("id").GetGuid();

    /// <summary>A party member of the branch with a phone sign-in (the demo data has no member account in 三龙村党支部).</summary>
    private static async Task<string> CreateMember(HttpClient api, Guid branch)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var person = await api.PostAsJsonAsync("/api/people", new { name = "三龙党员" + suffix, kind = "PartyMember", organizationId = branch, memberStatus = "Formal", skills = new[] { "维修" } });
        Assert.True(person.IsSuccessStatusCode, await person.Content.ReadAsStringAsync());
        var personId = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var userName = "sl" + suffix;
        var account = await api.PostAsJsonAsync("/api/accounts", new
        {
            userName, displayName = "三龙党员" + suffix, roles = new[] { "Member" }, organizationIds = new[] { branch }, personId,
            password = Lianjian.Web.Modules.Accounts.DemoSignIns.Password,
        });
        Assert.True(account.IsSuccessStatusCode, await account.Content.ReadAsStringAsync());
        return userName;
    }

    private static async Task<JsonElement> FindOrder(HttpClient api, string description)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/work-orders?text={Uri.EscapeDataString(description)}");
        return page.GetProperty("items").EnumerateArray().Single();
    }

    private static Task<JsonElement> Details(HttpClient api, long id) => api.GetFromJsonAsync<JsonElement>($"/api/work-orders/{id}");
}
