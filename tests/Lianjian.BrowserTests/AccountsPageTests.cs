using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AccountsPageTests(BrowserApp app)
{
    [Fact]
    public async Task OrgAdmin_CreatesAccountForVillageBranch_ThenItSignsInOnThePhone()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/accounts");
        await Expect(page.Locator("[data-testid=accounts-table]")).ToContainTextAsync("sanlong");
        var userName = "cun" + Guid.NewGuid().ToString("N")[..6];

        await page.Locator("[data-testid=account-new]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("input[data-testid=account-username]").FillAsync(userName);
        await dialog.Locator("input[data-testid=account-displayname]").FillAsync("三龙村党员");
        await dialog.Locator("input[data-testid=account-password]").FillAsync("Sanlong2026");
        await dialog.Locator("[data-testid=account-save]").ClickAsync();
        await Expect(dialog.Locator("[data-testid=account-error]")).ToContainTextAsync("至少要属于一个组织");

        await AdminUi.PickOrganization(page, "account-organization", "三龙村党支部");
        await dialog.Locator("[data-testid=account-save]").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=accounts-table]")).ToContainTextAsync(userName);
        await BrowserApp.Screenshot(page, "20-admin-accounts");

        var phone = await app.NewPage(360, 740, mobile: true);
        await phone.GotoAsync("/m/login");
        await phone.FillAsync("input[name=userName]", userName);
        await phone.FillAsync("input[name=password]", "Sanlong2026");
        await phone.ClickAsync("button[type=submit]");
        await Expect(phone.Locator("body")).ToContainTextAsync("三龙村党支部");
    }
}
