using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AuditPageTests(BrowserApp app)
{
    [Fact]
    public async Task RenamingAnOrganization_ShowsWhoAndBeforeAfterInTheLog()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/organizations");
        await AdminUi.SelectTreeItem(page, "环南街道");
        var before = AdminUi.Unique("审计前");
        var after = AdminUi.Unique("审计后");
        await page.Locator("[data-testid=org-add-child]").ClickAsync();
        await page.Locator("input[data-testid=org-form-name]").FillAsync(before);
        await AdminUi.Choose(page, "org-form-kind", "企业");
        await page.Locator("[data-testid=org-form-save]").ClickAsync();
        await page.Locator("[data-testid=org-children]").GetByText(before, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=org-name]")).ToHaveTextAsync(before);
        await page.Locator("[data-testid=org-edit]").ClickAsync();
        await page.Locator("input[data-testid=org-form-name]").FillAsync(after);
        await page.Locator("[data-testid=org-form-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=org-name]")).ToHaveTextAsync(after);

        await page.GotoAsync("/admin/audit");
        await BrowserApp.WaitInteractive(page);
        await page.Locator("input[data-testid=audit-user]").FillAsync("dinghai");
        await AdminUi.Choose(page, "audit-entity", "组织");
        await AdminUi.Choose(page, "audit-action", "修改");
        await page.Locator("[data-testid=audit-search]").ClickAsync();

        var row = page.Locator("[data-testid=audit-table] tbody tr", new PageLocatorOptions { HasText = after }).First;
        await Expect(row).ToContainTextAsync("dinghai");
        await Expect(row.Locator("[data-testid=audit-changes]")).ToContainTextAsync($"名称：{before}→{after}");
        await Expect(row).ToContainTextAsync("修改");
        await BrowserApp.Screenshot(page, "16-admin-audit");

        await AdminUi.Choose(page, "audit-action", "新增");
        await page.Locator("[data-testid=audit-search]").ClickAsync();
        var created = page.Locator("[data-testid=audit-table] tbody tr", new PageLocatorOptions { HasText = before }).First;
        await Expect(created.Locator("[data-testid=audit-changes]")).ToContainTextAsync("类型：企业");
        await Expect(created.Locator("[data-testid=audit-changes]")).ToContainTextAsync("上级组织：环南街道");
    }

    [Fact]
    public async Task Member_CannotOpenTheAuditLog()
    {
        var page = await app.NewPage();
        await BrowserApp.SignIn(page, "dangyuan", "/m/login");
        await page.GotoAsync("/admin/audit");

        // The Staff policy turns a member away at the door: back to the sign-in page, no log rendered.
        await Expect(page.Locator("[data-testid=signin-form]")).ToBeVisibleAsync();
        Assert.Contains("/login", page.Url);
        Assert.Equal(0, await page.Locator("[data-testid=audit-table]").CountAsync());
    }
}
