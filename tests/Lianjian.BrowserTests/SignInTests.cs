using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Lianjian.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserApp app)
{
    [Fact]
    public async Task SignInPage_IsChinese_AndListsDemoSignInsInDevelopment()
    {
        var page = await app.NewPage();
        await page.GotoAsync("/login");
        Assert.Equal("登录 · 联建", await page.TitleAsync());
        var demo = page.Locator("[data-testid=demo-signins]");
        Assert.Contains("dinghai", await demo.InnerTextAsync());
        Assert.Contains("组织管理员", await demo.InnerTextAsync());
        await BrowserApp.Screenshot(page, "01-signin");
    }

    [Fact]
    public async Task WrongPassword_ShowsChineseError()
    {
        var page = await app.NewPage();
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", "putuo");
        await page.FillAsync("input[name=password]", "wrong-password");
        await page.ClickAsync("button[type=submit]");
        var error = page.Locator("[role=alert]");
        Assert.Equal("账号或密码不正确。", (await error.InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task OrganizationAdmin_SignsIn_AndSeesTheirScope()
    {
        var page = await app.NewPage();
        await BrowserApp.SignIn(page, "dinghai");
        await BrowserApp.WaitInteractive(page);
        Assert.EndsWith("/admin", page.Url);
        await page.GetByText("定海区").First.WaitForAsync();
        await BrowserApp.Screenshot(page, "02-admin-home");
    }

    [Fact]
    public async Task Member_SignsInOnPhone_AndSeesMyOrganization()
    {
        var page = await app.NewPage(360, 740, mobile: true);
        await BrowserApp.SignIn(page, "dangyuan", "/m/login");
        var card = page.Locator("[data-testid=my-organization]").First;
        Assert.Contains("中心机关第一党支部", await card.InnerTextAsync());
        await BrowserApp.Screenshot(page, "03-mobile-home");
    }
}
