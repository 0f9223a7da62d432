using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class MobilePagesTests(BrowserApp app)
{
    [Fact]
    public async Task Member_MyOrganization_At360px_ShowsPeopleSubOrganizationsAndAlliances_WithoutLiveConnection()
    {
        var page = await app.NewPage(360, 740, mobile: true);
        await BrowserApp.SignIn(page, "dangyuan", "/m/login");

        var card = page.Locator("[data-testid=my-organization]").First;
        await Expect(card.Locator("h2")).ToHaveTextAsync("中心机关第一党支部");
        Assert.True(int.Parse(await card.Locator("[data-testid=member-count]").InnerTextAsync()) >= 4);
        await Expect(card.Locator("[data-testid=my-alliances]")).ToContainTextAsync("三龙村三级联建片组");
        await Expect(card).ToContainTextAsync("没有下级组织");

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "页面在 360px 宽度下出现了横向滚动");
        Assert.True(await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)") >= 17, "手机页字号过小");
        Assert.Equal(0, await page.Locator("script[src*='blazor.web.js']").CountAsync());
        await BrowserApp.Screenshot(page, "17-mobile-my-organization");
    }

    [Fact]
    public async Task Member_MyProfile_ShowsOwnRecord()
    {
        var page = await app.NewPage(360, 740, mobile: true);
        await BrowserApp.SignIn(page, "dangyuan", "/m/login");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "我的资料" }).ClickAsync();

        var profile = page.Locator("[data-testid=my-profile]");
        await Expect(profile.Locator("h2")).ToHaveTextAsync("王书记");
        await Expect(profile).ToContainTextAsync("中心机关第一党支部");
        await Expect(profile).ToContainTextAsync("正式党员");
        await Expect(profile).ToContainTextAsync("维修");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserApp.Screenshot(page, "18-mobile-my-profile");
    }

    [Fact]
    public async Task OrganizationAdmin_OnPhone_WalksDownToTheVillage()
    {
        var page = await app.NewPage(360, 740, mobile: true);
        await BrowserApp.SignIn(page, "dinghai", "/m/login");
        var subOrganizations = page.Locator("[data-testid=sub-organizations]");
        await subOrganizations.GetByText("长白乡", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await page.Locator("[data-testid=sub-organizations]").GetByText("长白岛三龙村", new LocatorGetByTextOptions { Exact = true }).ClickAsync();

        var card = page.Locator("[data-testid=my-organization]");
        await Expect(card.Locator("h2")).ToHaveTextAsync("长白岛三龙村");
        // 3 in the demo data; other tests add members to 三龙村党支部 in the same database.
        await Expect(card.Locator("[data-testid=member-count]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[3-9]$|^\\d{2,}$"));
        await Expect(card.Locator("[data-testid=my-alliances]")).ToContainTextAsync("三龙村三级联建片组");
        await Expect(page.Locator(".m-back")).ToContainTextAsync("长白乡");
        await BrowserApp.Screenshot(page, "19-mobile-village");
    }

    [Fact]
    public async Task PhonePage_OfAnotherDistrictsOrganization_SaysNotFound()
    {
        var putuo = await app.NewPage(360, 740, mobile: true);
        await BrowserApp.SignIn(putuo, "putuo", "/m/login");
        var link = putuo.Locator("[data-testid=sub-organizations] a").First;
        var href = await link.GetAttributeAsync("href");

        var dinghai = await app.NewPage(360, 740, mobile: true);
        await BrowserApp.SignIn(dinghai, "dinghai", "/m/login");
        await dinghai.GotoAsync(href!);
        await Expect(dinghai.Locator("[role=alert]")).ToHaveTextAsync("组织不存在，或不在您的管辖范围内。");
    }
}
