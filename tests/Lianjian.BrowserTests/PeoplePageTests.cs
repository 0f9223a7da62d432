using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PeoplePageTests(BrowserApp app)
{
    [Fact]
    public async Task Filters_BySkill_Kind_AndOrganizationSubtree()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/people");
        var table = page.Locator("[data-testid=people-table]");
        await Expect(table.Locator("tbody")).ToContainTextAsync("孙卫东");

        await page.Locator("input[data-testid=filter-skill]").FillAsync("农技");
        await page.Locator("[data-testid=filter-search]").ClickAsync();
        await Expect(table.Locator("tbody")).Not.ToContainTextAsync("三龙党员");
        var names = await AdminUi.Column(table, "姓名");
        Assert.Contains("孙卫东", names);
        Assert.Contains("三龙村书记", names);

        await page.Locator("input[data-testid=filter-skill]").FillAsync("");
        await AdminUi.Choose(page, "filter-kind", "网格员");
        await page.Locator("[data-testid=filter-search]").ClickAsync();
        await Expect(table.Locator("tbody")).Not.ToContainTextAsync("孙卫东");
        Assert.All(await AdminUi.Column(table, "类别"), kind => Assert.Equal("网格员", kind));
        Assert.Contains("吴网格", await AdminUi.Column(table, "姓名"));

        await AdminUi.Choose(page, "filter-kind", "全部");
        await AdminUi.PickOrganization(page, "filter-organization", "长白岛三龙村");
        await page.Locator("[data-testid=filter-search]").ClickAsync();
        await Expect(table.Locator("tbody")).Not.ToContainTextAsync("吴网格");
        Assert.All(await AdminUi.Column(table, "所属组织"), org => Assert.Equal("三龙村党支部", org));
        Assert.Contains("三龙积极分子", await AdminUi.Column(table, "姓名"));

        // Organization admins contact their people: full numbers.
        Assert.All(await AdminUi.Column(table, "手机号"), phone => Assert.DoesNotContain("*", phone));
        await BrowserApp.Screenshot(page, "12-admin-people-filtered");
    }

    [Fact]
    public async Task CommitteeAdmin_SeesMaskedPhones_EditsOtherFields_NumbersStayUnchanged()
    {
        var page = await AdminUi.OpenAs(app, "gongwei", "/admin/people");
        var table = page.Locator("[data-testid=people-table]");
        await page.Locator("input[data-testid=filter-text]").FillAsync("王书记");
        await page.Locator("[data-testid=filter-search]").ClickAsync();
        await Expect(table.Locator("tbody td[data-label='姓名']")).ToHaveCountAsync(1);
        Assert.Matches(@"^1\d\d\*{4}\d{4}$", (await AdminUi.Column(table, "手机号")).Single());
        await BrowserApp.Screenshot(page, "13-admin-people-masked");

        await table.GetByText("王书记", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("脱敏");
        var maskedPhone = (await AdminUi.Column(table, "手机号")).Single();
        await dialog.GetByLabel("备注").FillAsync("工委回访：已核实");
        await dialog.Locator("[data-testid=person-save]").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        // The masked number was sent back and means "unchanged": the list still shows the same masked number.
        await page.Locator("[data-testid=filter-search]").ClickAsync();
        await Expect(table.Locator("tbody td[data-label='姓名']")).ToHaveCountAsync(1);
        Assert.Equal(maskedPhone, (await AdminUi.Column(table, "手机号")).Single());
    }

    [Fact]
    public async Task NewPerson_GridWorkerOutsideGridIsRefused_ThenSavedWithSkills()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/people");
        await page.Locator("[data-testid=person-add]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        var name = AdminUi.Unique("测试");
        await dialog.Locator("input[data-testid=person-name]").FillAsync(name);
        await AdminUi.Choose(page, "person-kind", "网格员");
        await AdminUi.Choose(page, "person-status", "非党员");
        await AdminUi.PickOrganization(page, "person-organization", "三龙村党支部");
        await dialog.Locator("input[data-testid=person-phone]").FillAsync("13900001111");
        await dialog.Locator("[data-testid=person-save]").ClickAsync();
        await Expect(dialog.Locator("[data-testid=error-alert]")).ToContainTextAsync("网格员的所属组织必须是网格，所选组织是“党支部”。");

        await AdminUi.PickOrganization(page, "person-organization", "东海社区第二网格");
        var skills = dialog.Locator("[data-testid=person-skills]");
        await skills.Locator("input").FillAsync("维修");
        await skills.Locator("input").PressAsync("Enter");
        await skills.Locator("input").FillAsync("电工");
        await skills.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "添加" }).ClickAsync();
        await Expect(skills.Locator(".mud-chip")).ToHaveCountAsync(2);
        await dialog.Locator("[data-testid=person-save]").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // Saving reloads the list; under load that reload can land after the filtered one, so search again until it settles.
        var table = page.Locator("[data-testid=people-table]");
        var names = table.Locator("tbody td[data-label='姓名']");
        await page.Locator("input[data-testid=filter-text]").FillAsync(name);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await page.Locator("[data-testid=filter-search]").ClickAsync();
            await page.WaitForTimeoutAsync(500);
            if (await names.CountAsync() == 1) break;
        }

        await Expect(names).ToHaveTextAsync(name);
        var skillsCell = table.Locator("tbody td[data-label='技能 / 标签']");
        await Expect(skillsCell).ToContainTextAsync("维修");
        await Expect(skillsCell).ToContainTextAsync("电工");
        Assert.Equal("东海社区第二网格", (await AdminUi.Column(table, "所属组织")).Single());
    }

    [Fact]
    public async Task ExportButton_DownloadsTheFilteredList_AsExcel()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/people");
        await page.Locator("input[data-testid=filter-text]").FillAsync("三龙");
        await page.Locator("[data-testid=filter-search]").ClickAsync();
        var export = page.Locator("[data-testid=people-export]");
        await Expect(export).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("text=%E4%B8%89%E9%BE%99"));
        var href = await export.GetAttributeAsync("href");

        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        using var stream = new MemoryStream(await response.BodyAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("三龙", r["姓名"]?.ToString()));
    }
}
