using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class WorkingCalendarPageTests(BrowserApp app)
{
    private static ILocator Day(IPage page, string date) => page.Locator($"[data-testid=cal-day][data-date='{date}']");

    /// <summary>The whole dialog (content and action buttons), found by the form inside it.</summary>
    private static ILocator Form(IPage page) =>
        page.Locator(".mud-dialog").Filter(new LocatorFilterOptions { Has = page.Locator("[data-testid=calendar-form]") });

    [Fact]
    public async Task Admin_Sees2026_WithSpringFestivalMarked_AndAWarningForAnUnenteredYear()
    {
        var page = await AdminUi.OpenAs(app, "admin", "/admin/calendar?year=2026");
        await Expect(page.Locator("nav").GetByText("工作日历")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=calendar-months] [data-testid=cal-month]")).ToHaveCountAsync(12);

        // 春节 2-15 … 2-23 red with 休; 2-14 and 2-28 (Saturdays) blue with 班; an ordinary Saturday grey.
        await Expect(Day(page, "2026-02-15")).ToHaveAttributeAsync("data-kind", "Holiday");
        await Expect(Day(page, "2026-02-15")).ToContainTextAsync("休");
        await Expect(Day(page, "2026-02-23")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bholiday\b"));
        await Expect(Day(page, "2026-02-14")).ToHaveAttributeAsync("data-kind", "Workday");
        await Expect(Day(page, "2026-02-14")).ToContainTextAsync("班");
        await Expect(Day(page, "2026-03-07")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bweekend\b"));
        await Expect(Day(page, "2026-02-15")).ToHaveAttributeAsync("title", "2月15日 周日 · 春节（放假）");

        var list = page.Locator("[data-testid=calendar-days]");
        await Expect(list.Locator("tr", new LocatorLocatorOptions { HasText = "2月15日（周日）至2月23日（周一）" })).ToContainTextAsync("春节");
        await Expect(list.Locator("tr", new LocatorLocatorOptions { HasText = "2月15日（周日）至2月23日（周一）" })).ToContainTextAsync("9 天");
        await Expect(list.Locator("tr", new LocatorLocatorOptions { HasText = "2月14日（周六）" })).ToContainTextAsync("春节调休上班");
        await Expect(page.Locator("[data-testid=calendar-source]")).ToContainTextAsync("国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）");
        await Expect(page.Locator("[data-testid=calendar-warning]", new PageLocatorOptions { HasText = "2026年" })).ToHaveCountAsync(0);
        await BrowserApp.Screenshot(page, "40-admin-calendar-2026");

        // 2037 is not entered: the page says so in words, and the months show weekends only.
        await page.GotoAsync("/admin/calendar?year=2037");
        await BrowserApp.WaitInteractive(page);
        await Expect(page.Locator("[data-testid=calendar-warning]", new PageLocatorOptions { HasText = "2037年" }))
            .ToHaveTextAsync("2037年的法定节假日安排尚未录入，期限按周一至周五计算，请在国务院通知发布后录入。");
        await Expect(page.Locator("[data-testid=calendar-days-empty]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=cal-day][data-kind=Holiday]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=calendar-edit]")).ToHaveTextAsync("录入2037年安排");
        await BrowserApp.Screenshot(page, "41-admin-calendar-unentered-year");
    }

    [Fact]
    public async Task Admin_EntersAYear_InTheDialog_AndAMakeUpDayOnATuesdayIsRefused()
    {
        var page = await AdminUi.OpenAs(app, "admin", "/admin/calendar?year=2038");
        await page.Locator("[data-testid=calendar-edit]").ClickAsync();
        var form = Form(page);
        await form.Locator("input[data-testid=calendar-form-source]").FillAsync("国务院办公厅关于2038年部分节假日安排的通知（2037年11月1日）");

        // 2038-01-01 (Fri) 放假; 2038-01-05 is a Tuesday, wrongly entered as 调休上班.
        await EnterDay(page, 0, "2038-01-01", null, "元旦");
        await EnterDay(page, 1, "2038-01-05", "调休上班", "元旦调休上班");
        await form.Locator("[data-testid=calendar-form-save]").ClickAsync();
        await Expect(form.Locator("[data-testid=calendar-form-day]").Nth(1)).ToContainTextAsync("2038-01-05是周二，调休上班日只能是周六或周日");
        await BrowserApp.Screenshot(page, "42-admin-calendar-dialog-error");

        // A range from the notice (春节 2-10 … 2-12) becomes one row per date.
        var range = form.Locator("input[data-testid=calendar-form-range]");
        await range.Nth(0).FillAsync("2038-02-10");
        await range.Nth(0).PressAsync("Tab");
        await range.Nth(1).FillAsync("2038-02-12");
        await range.Nth(1).PressAsync("Tab");
        await form.Locator("input[data-testid=calendar-form-range-name]").FillAsync("春节");
        await form.Locator("[data-testid=calendar-form-range-add]").ClickAsync();
        await Expect(form.Locator("[data-testid=calendar-form-day]")).ToHaveCountAsync(5);
        await Expect(form.Locator("[data-testid=calendar-form-day] input[placeholder='名称']").Nth(4)).ToHaveValueAsync("春节");

        // Corrected to Saturday 1-2 (still one row per date), then saved: the grid shows both at once.
        var tuesday = form.Locator("[data-testid=calendar-form-day]").Nth(1).Locator("input").First;
        await tuesday.FillAsync("2038-01-02");
        await tuesday.PressAsync("Tab");
        await form.Locator("[data-testid=calendar-form-save]").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        await Expect(Day(page, "2038-01-01")).ToHaveAttributeAsync("data-kind", "Holiday");
        await Expect(Day(page, "2038-01-02")).ToHaveAttributeAsync("data-kind", "Workday");
        await Expect(Day(page, "2038-02-11")).ToHaveAttributeAsync("title", "2月11日 周四 · 春节（放假）");
        await Expect(page.Locator("[data-testid=calendar-days] tr", new PageLocatorOptions { HasText = "2月10日（周三）至2月12日（周五）" })).ToContainTextAsync("3 天");
        await Expect(page.Locator("[data-testid=calendar-source]")).ToContainTextAsync("2038年部分节假日安排");
        await Expect(page.Locator("[data-testid=calendar-warning]", new PageLocatorOptions { HasText = "2038年" })).ToHaveCountAsync(0);

        // Each entered date is in the audit log, in words.
        await page.GotoAsync("/admin/audit");
        await BrowserApp.WaitInteractive(page);
        await AdminUi.Choose(page, "audit-entity", "节假日/调休日");
        await page.Locator("[data-testid=audit-search]").ClickAsync();
        var entry = page.Locator("[data-testid=audit-table] tbody tr", new PageLocatorOptions { HasText = "2038-01-02 元旦调休上班" }).First;
        await Expect(entry.Locator("[data-testid=audit-changes]")).ToContainTextAsync("放假/上班：调休上班");
        await Expect(entry).ToContainTextAsync("新增");
        await BrowserApp.Screenshot(page, "43-admin-audit-calendar");
    }

    [Fact]
    public async Task OrganizationAdmin_DoesNotSeeTheCalendarInTheMenu()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin");
        await Expect(page.Locator("nav").GetByText("组织架构")).ToBeVisibleAsync();
        await Expect(page.Locator("nav").GetByText("工作日历")).ToHaveCountAsync(0);
    }

    private static async Task EnterDay(IPage page, int row, string date, string? kind, string name)
    {
        var form = Form(page);
        await form.Locator("[data-testid=calendar-form-add-day]").ClickAsync();
        var line = form.Locator("[data-testid=calendar-form-day]").Nth(row);
        var dateInput = line.Locator("input").First;
        await dateInput.FillAsync(date);
        await dateInput.PressAsync("Tab");
        if (kind is not null)
        {
            await line.Locator(".mud-select").First.ClickAsync();
            await AdminUi.OpenList(page).GetByText(kind, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
            await AdminUi.OpenList(page).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        }

        await line.Locator("input[placeholder='名称']").FillAsync(name);
    }
}
