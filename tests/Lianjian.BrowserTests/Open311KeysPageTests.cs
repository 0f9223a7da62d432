using System.Net;
using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class Open311KeysPageTests(BrowserApp app)
{
    [Fact]
    public async Task IssuingAKey_ShowsItOnce_ItWorks_AndRevokingStopsIt()
    {
        var page = await AdminUi.OpenAs(app, "admin", "/admin/open311");
        var name = AdminUi.Unique("热线对接");
        await page.Locator("[data-testid=open311-key-new]").ClickAsync();
        await page.Locator("input[data-testid=open311-key-name]").FillAsync(name);
        await page.Locator("[data-testid=open311-key-issue]").ClickAsync();

        var shown = page.Locator("[data-testid=open311-key-value]");
        await Expect(shown).ToBeVisibleAsync(new() { Timeout = AdminUi.Timeout });
        var key = (await shown.InnerTextAsync()).Trim();
        Assert.Matches("^[A-Za-z0-9]{40}$", key);
        var row = page.Locator("[data-testid=open311-keys-table] tbody tr", new PageLocatorOptions { HasText = name });
        await Expect(row).ToContainTextAsync(key[..8]);
        await Expect(row).ToContainTextAsync("在用");
        await Expect(row).Not.ToContainTextAsync(key);
        await page.Locator("[data-testid=open311-key-copy]").ClickAsync();
        await BrowserApp.Screenshot(page, "open311-1-key-issued");

        // The key works for a submission …
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        KeyValuePair<string, string>[] Form() =>
        [
            new("api_key", key), new("service_code", "repair"), new("address_string", "长白岛三龙村"), new("description", AdminUi.Unique("浏览器测试 路灯不亮")),
        ];
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(Form()))).StatusCode);

        // … is never shown again …
        await page.ReloadAsync();
        await BrowserApp.WaitInteractive(page);
        await Expect(page.Locator("[data-testid=open311-keys-table]")).ToContainTextAsync(name);
        Assert.Equal(0, await page.Locator("[data-testid=open311-key-value]").CountAsync());
        Assert.DoesNotContain(key, await page.ContentAsync());

        // … and stops working once revoked.
        await page.Locator("[data-testid=open311-keys-table] tbody tr", new PageLocatorOptions { HasText = name }).Locator("[data-testid=open311-key-revoke]").ClickAsync();
        await page.Locator("[data-testid=open311-key-revoke-confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=open311-keys-table] tbody tr", new PageLocatorOptions { HasText = name })).ToContainTextAsync("已停用");
        await BrowserApp.Screenshot(page, "open311-2-key-revoked");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(Form()))).StatusCode);
    }

    [Fact]
    public async Task SignInPage_ListsTheDemoKeyInDevelopment()
    {
        var page = await app.NewPage();
        await page.GotoAsync("/login");
        await Expect(page.Locator("[data-testid=demo-open311-key]")).ToContainTextAsync("demo-open311-key-lianjian");
        await BrowserApp.Screenshot(page, "open311-3-sign-in-demo-key");
    }
}
