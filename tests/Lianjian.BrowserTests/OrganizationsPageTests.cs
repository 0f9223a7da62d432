using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OrganizationsPageTests(BrowserApp app)
{
    [Fact]
    public async Task OrganizationAdmin_ExpandsTreeToVillage_AndSeesItsDetailsAndPeople()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/organizations");

        // The scope top opens by itself; the township is expanded by hand and the village chosen in the tree.
        await AdminUi.ExpandTreeItem(page, "长白乡");
        await AdminUi.SelectTreeItem(page, "长白岛三龙村");

        var details = page.Locator("[data-testid=org-details]");
        await Expect(details).ToContainTextAsync("定海区长白乡三龙村");
        await Expect(details.Locator(".mud-breadcrumbs")).ToContainTextAsync("长白乡");
        await Expect(page.Locator("[data-testid=org-tabs]")).ToContainTextAsync("下级组织（2）");
        Assert.Contains("id=", page.Url);

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "人员（含下级）" }).ClickAsync();
        var people = page.Locator("[data-testid=org-people]");
        await Expect(people.Locator("tbody")).ToContainTextAsync("三龙村书记");
        var names = await AdminUi.Column(people, "姓名");
        Assert.Contains("三龙党员", names);
        Assert.Contains("三龙积极分子", names);
        Assert.All(await AdminUi.Column(people, "所属组织"), org => Assert.Equal("三龙村党支部", org));
        await BrowserApp.Screenshot(page, "10-admin-organizations-village");
    }

    [Fact]
    public async Task Search_FindsDeepGridByName_AndOpensTheTreeDownToIt()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/organizations");

        await AdminUi.PickOrganization(page, "org-search", "东海苑3幢2单元");

        await Expect(page.Locator("[data-testid=org-name]")).ToHaveTextAsync("东海苑3幢2单元");
        await Expect(page.Locator("[data-testid=org-details]")).ToContainTextAsync("网格（五级）");
        await Expect(AdminUi.TreeItem(page, "东海苑3幢2单元")).ToBeVisibleAsync();
        await Expect(AdminUi.TreeItem(page, "东海苑小区")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MoveUnderOwnDescendant_ShowsTheCycleGuardInChinese()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/organizations");
        await AdminUi.SelectTreeItem(page, "环南街道");

        await page.Locator("[data-testid=org-move]").ClickAsync();
        await AdminUi.PickOrganization(page, "move-target", "东海社区第一网格");
        await page.Locator("[data-testid=move-save]").ClickAsync();

        var error = page.Locator("[data-testid=move-dialog] [data-testid=error-alert]");
        await Expect(error).ToContainTextAsync("不能把“环南街道”移动到它自己或它的下级“东海社区第一网格”之下。");
        await BrowserApp.Screenshot(page, "11-admin-organizations-move-cycle");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "取消" }).ClickAsync();
        await Expect(page.Locator("[data-testid=org-details]")).ToContainTextAsync("定海区");
    }

    [Fact]
    public async Task AddChild_RejectsEmptyName_ThenCreates_AndOpensByUrl()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/organizations");
        await AdminUi.SelectTreeItem(page, "环南街道");

        await page.Locator("[data-testid=org-add-child]").ClickAsync();
        var form = page.Locator(".mud-dialog");
        await form.Locator("[data-testid=org-form-save]").ClickAsync();
        await Expect(form.Locator("[data-testid=error-alert]")).ToContainTextAsync("组织名称不能为空");

        var name = AdminUi.Unique("测试物业");
        await form.Locator("input[data-testid=org-form-name]").FillAsync(name);
        await AdminUi.Choose(page, "org-form-kind", "物业");
        await form.Locator("[data-testid=org-form-save]").ClickAsync();
        await Expect(form).ToBeHiddenAsync();

        var children = page.Locator("[data-testid=org-children]");
        await Expect(children).ToContainTextAsync(name);
        await children.GetByText(name, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=org-name]")).ToHaveTextAsync(name);

        // The URL names the node: opening it afresh shows the same organization with the tree open down to it.
        var reopened = await app.NewPage();
        await BrowserApp.SignIn(reopened, "dinghai");
        await reopened.GotoAsync(page.Url);
        await BrowserApp.WaitInteractive(reopened);
        await Expect(reopened.Locator("[data-testid=org-name]")).ToHaveTextAsync(name);
        await Expect(AdminUi.TreeItem(reopened, name)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Move_UnderAnotherParent_UpdatesBreadcrumbAndTree()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/organizations");
        await AdminUi.SelectTreeItem(page, "环南街道");
        await page.Locator("[data-testid=org-add-child]").ClickAsync();
        var name = AdminUi.Unique("测试企业");
        await page.Locator("input[data-testid=org-form-name]").FillAsync(name);
        await AdminUi.Choose(page, "org-form-kind", "企业");
        await page.Locator("[data-testid=org-form-save]").ClickAsync();
        await page.Locator("[data-testid=org-children]").GetByText(name, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=org-name]")).ToHaveTextAsync(name);

        await page.Locator("[data-testid=org-move]").ClickAsync();
        await AdminUi.PickOrganization(page, "move-target", "长白乡");
        await page.Locator("[data-testid=move-save]").ClickAsync();

        await Expect(page.Locator(".mud-snackbar", new PageLocatorOptions { HasText = "已移动到“长白乡”之下。" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=org-details] .mud-breadcrumbs")).ToContainTextAsync("长白乡");
        await Expect(page.Locator("[data-testid=org-details] .mud-breadcrumbs")).Not.ToContainTextAsync("环南街道");
        await Expect(AdminUi.TreeBranch(page, "长白乡").Locator(".org-node-name", new LocatorLocatorOptions { HasText = name })).ToBeVisibleAsync();
        await Expect(AdminUi.TreeBranch(page, "环南街道")).Not.ToContainTextAsync(name);
    }

    [Fact]
    public async Task DeactivateThenReactivate_GreysTheNodeAndAsksFirst()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/organizations");
        await AdminUi.SelectTreeItem(page, "环南街道");
        await page.Locator("[data-testid=org-add-child]").ClickAsync();
        var name = AdminUi.Unique("测试协会");
        await page.Locator("input[data-testid=org-form-name]").FillAsync(name);
        await AdminUi.Choose(page, "org-form-kind", "协会");
        await page.Locator("[data-testid=org-form-save]").ClickAsync();
        await page.Locator("[data-testid=org-children]").GetByText(name, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=org-name]")).ToHaveTextAsync(name);

        await page.Locator("[data-testid=org-deactivate]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "停用", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=org-inactive-chip]")).ToBeVisibleAsync();
        await Expect(AdminUi.TreeItem(page, name).Locator(".org-inactive")).ToBeVisibleAsync();

        await page.Locator("[data-testid=org-reactivate]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "启用", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=org-deactivate]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DeactivatingOwnScopeTop_IsRefusedWithTheUseCaseMessage()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/organizations");
        await Expect(page.Locator("[data-testid=org-name]")).ToHaveTextAsync("定海区");

        await page.Locator("[data-testid=org-deactivate]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "停用", Exact = true }).ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("不能移动或停用您所管辖范围的顶级组织");
        await Expect(page.Locator("[data-testid=org-deactivate]")).ToBeVisibleAsync();
    }
}
