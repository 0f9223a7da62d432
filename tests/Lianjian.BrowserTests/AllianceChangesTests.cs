using System.Text;
using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

/// <summary>The alliance write actions in the back office: create, members, the agreement lifecycle, its document, joint meetings.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AllianceChangesTests(BrowserApp app)
{
    [Fact]
    public async Task CommitteeAdmin_CreatesAlliance_AddsMember_WalksAgreementThroughFourSteps_UploadsDocument_RecordsMeeting()
    {
        var page = await AdminUi.OpenAs(app, "gongwei", "/admin/alliances");
        // Tall enough that a dialog's backdrop covers the whole page in the full-page screenshots.
        await page.SetViewportSizeAsync(1440, 1200);
        var name = AdminUi.Unique("城乡结对联建");

        // 新建联建: a taken name is refused in the dialog, in Chinese.
        await page.Locator("[data-testid=alliance-create]").ClickAsync();
        var form = Dialog(page, "alliance-form");
        await form.Locator("input[data-testid=alliance-form-name]").FillAsync("三龙村三级联建片组");
        await AdminUi.Choose(page, "alliance-form-kind", "红色联盟");
        await AdminUi.PickOrganization(page, "alliance-form-lead", "中心机关第二党支部");
        await FillDate(form.Locator("input[data-testid=alliance-form-founded]"), "2026-10-01");
        await form.Locator("textarea[data-testid=alliance-form-description]").FillAsync("中心机关第二党支部与海岛村结对，帮办解难。");
        await form.Locator("[data-testid=alliance-form-save]").ClickAsync();
        await Expect(form.Locator("[data-testid=error-alert]")).ToContainTextAsync("已有名为“三龙村三级联建片组”的联建，请换一个名称。");
        await ShotAsync(page, "30-admin-alliance-create-error");

        await form.Locator("input[data-testid=alliance-form-name]").FillAsync(name);
        await form.Locator("[data-testid=alliance-form-save]").ClickAsync();
        await Expect(form).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=alliance-name]")).ToHaveTextAsync(name);
        var header = page.Locator("[data-testid=alliance-header]");
        await Expect(header).ToContainTextAsync("红色联盟");
        await Expect(header).ToContainTextAsync("2026年10月1日");
        var members = page.Locator("[data-testid=alliance-members]");
        await Expect(members.Locator("tr", new LocatorLocatorOptions { HasText = "牵头" })).ToContainTextAsync("中心机关第二党支部");

        // 添加成员: the committee admin adds a village branch of another county.
        await page.Locator("[data-testid=member-add]").ClickAsync();
        var memberForm = Dialog(page, "member-form");
        await AdminUi.PickOrganization(page, "member-form-organization", "长西村党支部");
        await memberForm.Locator("input[data-testid=member-form-role]").FillAsync("海岛村党支部");
        await ShotAsync(page, "31-admin-alliance-add-member");
        await memberForm.Locator("[data-testid=member-form-save]").ClickAsync();
        await Expect(memberForm).ToBeHiddenAsync();
        var changxi = members.Locator("tbody tr", new LocatorLocatorOptions { HasText = "长西村党支部" });
        await Expect(changxi).ToContainTextAsync("海岛村党支部");

        // 移出 the lead: the use case's rule, shown above the members.
        await members.Locator("tbody tr", new LocatorLocatorOptions { HasText = "中心机关第二党支部" }).Locator("[data-testid=member-remove]").ClickAsync();
        await ConfirmAsync(page, "移出");
        await Expect(page.Locator("[data-testid=error-alert]")).ToContainTextAsync("不能移除牵头组织");
        await Expect(members.Locator("tbody tr")).ToHaveCountAsync(2);

        // 新建协议 (谈约), then only the one next step is ever offered.
        await page.Locator("[data-testid=agreement-add]").ClickAsync();
        var agreementForm = Dialog(page, "agreement-form");
        await agreementForm.Locator("input[data-testid=agreement-form-title]").FillAsync($"{name}2027年度协议");
        await agreementForm.Locator("textarea[data-testid=agreement-form-terms]").FillAsync("一、组织共建：每季度召开一次联席会议；\n二、服务共办：建立需求、资源、项目清单。");
        await FillDate(agreementForm.Locator("input[data-testid=agreement-form-valid-until]"), "2027-12-31");
        await ShotAsync(page, "32-admin-alliance-new-agreement");
        await agreementForm.Locator("[data-testid=agreement-form-save]").ClickAsync();
        await Expect(agreementForm).ToBeHiddenAsync();
        var status = page.Locator("[data-testid=agreement-status]");
        await Expect(status).ToHaveTextAsync("谈约");
        await Expect(page.Locator("[data-testid=agreement-edit]")).ToBeVisibleAsync();

        var next = page.Locator("[data-testid=agreement-next-step]");
        await TakeStepAsync(page, "签约");
        await Expect(status).ToHaveTextAsync("签约");
        await Expect(page.Locator("[data-testid=agreement-edit]")).ToHaveCountAsync(0);

        await TakeStepAsync(page, "开始履约");
        await Expect(status).ToHaveTextAsync("履约");

        await Expect(next).ToHaveTextAsync("评约");
        await next.ClickAsync();
        var stepForm = Dialog(page, "agreement-step-form");
        await stepForm.GetByText("良好", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await stepForm.Locator("textarea[data-testid=agreement-step-remark]").FillAsync("任务清单完成11项，完成率92%。");
        await ShotAsync(page, "33-admin-alliance-evaluate");
        await stepForm.Locator("[data-testid=agreement-step-save]").ClickAsync();
        await Expect(stepForm).ToBeHiddenAsync();
        await Expect(status).ToHaveTextAsync("评约");
        await Expect(page.Locator("[data-testid=agreement-evaluation]")).ToHaveTextAsync("良好");
        await Expect(next).ToHaveCountAsync(0);
        var steps = page.Locator("[data-testid=agreement-lifecycle] [data-step]");
        Assert.Equal(["1", "1", "1", "1"], await steps.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.reached)"));

        // A file that only claims to be a PDF is refused by the use case, in Chinese.
        await page.Locator("input[type=file][data-testid=agreement-upload]").SetInputFilesAsync(
            new FilePayload { Name = "假协议.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("这不是PDF文件") });
        await Expect(page.Locator("[data-testid=alliance-agreements] [data-testid=error-alert]")).ToContainTextAsync("文件的实际内容不是允许的格式");
        await Expect(page.Locator("[data-testid=agreement-document]")).ToContainTextAsync("未上传");

        // 上传协议文件: a real (tiny) PDF; its name with a download link that returns the same bytes.
        var pdf = MinimalPdf();
        await page.Locator("input[type=file][data-testid=agreement-upload]").SetInputFilesAsync(
            new FilePayload { Name = "联建协议（签字版）.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Expect(page.Locator("[data-testid=agreement-document-name]")).ToHaveTextAsync("联建协议（签字版）.pdf");
        await Expect(page.Locator("[data-testid=alliance-agreements] [data-testid=error-alert]")).ToHaveCountAsync(0);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=agreement-document-download]").ClickAsync());
        Assert.Equal("联建协议（签字版）.pdf", download.SuggestedFilename);
        var saved = Path.Combine(app.DataDirectory, "downloaded-" + Guid.NewGuid().ToString("N") + ".pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(saved));

        // 记录会议: China time, attendees as chips (one from the members, one typed), two decisions.
        await page.Locator("[data-testid=meeting-add]").ClickAsync();
        var meetingForm = Dialog(page, "meeting-form");
        await FillDate(meetingForm.Locator("input[data-testid=meeting-form-date]"), "2026-11-20");
        await FillDate(meetingForm.Locator("input[data-testid=meeting-form-time]"), "14:30");
        await meetingForm.Locator("input[data-testid=meeting-form-place]").FillAsync("长涂镇长西村村委会会议室");
        await meetingForm.Locator("input[data-testid=meeting-form-topic]").FillAsync("2026年第四季度联席会议");
        await meetingForm.Locator("[data-testid=meeting-form-member-suggestions]").GetByText("长西村党支部", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        var attendee = meetingForm.Locator("input[data-testid=meeting-form-attendee-input]");
        await attendee.FillAsync("市直机关工委办公室");
        await attendee.PressAsync("Enter");
        await Expect(meetingForm.Locator("[data-testid=meeting-form-attendees] .mud-chip")
            .Filter(new LocatorFilterOptions { HasText = "市直机关工委办公室" })).ToHaveCountAsync(1);
        await meetingForm.Locator("textarea[data-testid=meeting-form-minutes]").FillAsync("听取长西村“帮办解难”需求，商定助销贻贝。");
        var decisions = meetingForm.Locator("[data-testid=meeting-form-decision] input");
        await decisions.Nth(0).FillAsync("帮助长西村销售贻贝");
        await meetingForm.Locator("[data-testid=meeting-form-add-decision]").ClickAsync();
        await decisions.Nth(1).FillAsync("每季度通报任务清单完成情况");
        await ShotAsync(page, "34-admin-alliance-record-meeting");
        await meetingForm.Locator("[data-testid=meeting-form-save]").ClickAsync();
        await Expect(meetingForm).ToBeHiddenAsync();

        var meeting = page.Locator("[data-testid=meeting]");
        await Expect(meeting).ToHaveCountAsync(1);
        await Expect(meeting).ToContainTextAsync("2026年第四季度联席会议");
        await Expect(meeting).ToContainTextAsync("2026-11-20 14:30");
        await Expect(meeting).ToContainTextAsync("长涂镇长西村村委会会议室");
        await Expect(meeting).ToContainTextAsync("市直机关工委办公室");
        await Expect(meeting.Locator("[data-testid=meeting-decisions] li")).ToHaveTextAsync(["帮助长西村销售贻贝", "每季度通报任务清单完成情况"]);
        await ShotAsync(page, "35-admin-alliance-finished");
    }

    [Fact]
    public async Task LeadScopeAdmin_EditsAlliance_EditsAndDeletesMeeting_DeactivatesAndReactivates()
    {
        var page = await AdminUi.OpenAs(app, "gongwei", "/admin/alliances");
        var name = AdminUi.Unique("红色联盟");
        await page.Locator("[data-testid=alliance-create]").ClickAsync();
        var form = Dialog(page, "alliance-form");
        await form.Locator("input[data-testid=alliance-form-name]").FillAsync(name);
        await AdminUi.PickOrganization(page, "alliance-form-lead", "中心机关第三党支部");
        await form.Locator("[data-testid=alliance-form-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=alliance-name]")).ToHaveTextAsync(name);

        // 编辑: the form opens with the alliance's values, including its lead.
        await page.Locator("[data-testid=alliance-edit]").ClickAsync();
        await Expect(form.Locator("input[data-testid=alliance-form-lead]")).ToHaveValueAsync("中心机关第三党支部");
        var renamed = name + "（调整）";
        await form.Locator("input[data-testid=alliance-form-name]").FillAsync(renamed);
        await AdminUi.Choose(page, "alliance-form-kind", "大党委");
        await form.Locator("[data-testid=alliance-form-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=alliance-name]")).ToHaveTextAsync(renamed);
        await Expect(page.Locator("[data-testid=alliance-header]")).ToContainTextAsync("大党委");

        // 记录会议 without a place: the use case's field message; then edit and delete it.
        await page.Locator("[data-testid=meeting-add]").ClickAsync();
        var meetingForm = Dialog(page, "meeting-form");
        await meetingForm.Locator("input[data-testid=meeting-form-topic]").FillAsync("筹备会");
        await meetingForm.Locator("[data-testid=meeting-form-save]").ClickAsync();
        await Expect(meetingForm.Locator("[data-testid=error-alert]")).ToContainTextAsync("会议地点");
        await ShotAsync(page, "39-admin-alliance-meeting-error");
        await meetingForm.Locator("input[data-testid=meeting-form-place]").FillAsync("市机关事务管理中心");
        await meetingForm.Locator("[data-testid=meeting-form-save]").ClickAsync();
        await Expect(meetingForm).ToBeHiddenAsync();
        var meeting = page.Locator("[data-testid=meeting]");
        await Expect(meeting).ToContainTextAsync("筹备会");

        await meeting.Locator("[data-testid=meeting-edit]").ClickAsync();
        await Expect(meetingForm.Locator("input[data-testid=meeting-form-place]")).ToHaveValueAsync("市机关事务管理中心");
        await meetingForm.Locator("input[data-testid=meeting-form-topic]").FillAsync("联建筹备会");
        await meetingForm.Locator("[data-testid=meeting-form-save]").ClickAsync();
        await Expect(meeting).ToContainTextAsync("联建筹备会");

        await meeting.Locator("[data-testid=meeting-delete]").ClickAsync();
        await ConfirmAsync(page, "删除");
        await Expect(meeting).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=alliance-meetings]")).ToContainTextAsync("尚无联席会议记录。");

        // 停用 with confirmation: read-only (only 启用 offered); 启用 brings the buttons back.
        await page.Locator("[data-testid=alliance-deactivate]").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("确定停用");
        await ShotAsync(page, "37-admin-alliance-deactivate-confirm");
        await ConfirmAsync(page, "停用");
        await Expect(page.Locator("[data-testid=alliance-inactive-chip]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=alliance-reactivate]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=member-add]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=meeting-add]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=alliance-edit]")).ToHaveCountAsync(0);
        await ShotAsync(page, "38-admin-alliance-inactive");

        await page.Locator("[data-testid=alliance-reactivate]").ClickAsync();
        await ConfirmAsync(page, "启用");
        await Expect(page.Locator("[data-testid=alliance-inactive-chip]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=member-add]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MemberScopeAdmin_ReadsAllianceLedByCityBranch_WithoutChangeButtons()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/alliances");
        await page.Locator("[data-testid=alliances-table]").GetByText("三龙村三级联建片组", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=alliance-name]")).ToHaveTextAsync("三龙村三级联建片组");
        await Expect(page.Locator("[data-testid=alliance-readonly-note]")).ToHaveTextAsync("由牵头组织管理");
        await Expect(page.Locator("[data-testid=meeting]")).ToHaveCountAsync(1);

        foreach (var testId in new[]
                 {
                     "alliance-edit", "alliance-deactivate", "alliance-reactivate", "member-add", "member-remove", "agreement-add", "agreement-edit",
                     "agreement-next-step", "agreement-upload", "meeting-add", "meeting-edit", "meeting-delete",
                 })
        {
            await Expect(page.Locator($"[data-testid={testId}]")).ToHaveCountAsync(0);
        }

        await ShotAsync(page, "36-admin-alliance-read-only");
    }

    [Fact]
    public async Task AgreementBeingNegotiated_InAllianceLedByAnotherScope_OffersNoStep()
    {
        // 东岠岛's agreement is still 谈约, but the group is led by a city branch: putuo reads it and sees no 签约 button.
        var page = await AdminUi.OpenAs(app, "putuo", "/admin/alliances");
        await page.Locator("[data-testid=alliances-table]").GetByText("东岠岛三级联建片组", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=agreement-status]")).ToHaveTextAsync("谈约");
        await Expect(page.Locator("[data-testid=alliance-readonly-note]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=agreement-next-step]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=agreement-edit]")).ToHaveCountAsync(0);
    }

    private static async Task TakeStepAsync(IPage page, string step)
    {
        var next = page.Locator("[data-testid=agreement-next-step]");
        await Expect(next).ToHaveCountAsync(1);
        await Expect(next).ToHaveTextAsync(step);
        await next.ClickAsync();
        var stepForm = Dialog(page, "agreement-step-form");
        await Expect(stepForm.Locator("input[data-testid=agreement-step-date]")).Not.ToHaveValueAsync("");
        await stepForm.Locator("[data-testid=agreement-step-save]").ClickAsync();
        await Expect(stepForm).ToBeHiddenAsync();
    }

    /// <summary>
    /// A full-page screenshot once the page is at rest: confirmation snackbars closed (several pile up when a test clicks
    /// faster than a person), scrolled to the top (the fixed app bar is drawn where the page was scrolled to), animations done.
    /// </summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        // Their close buttons are clicked in the page: an open dialog's backdrop lies between the pointer and the snackbars.
        var snackbars = page.Locator(".mud-snackbar");
        for (var tries = 0; tries < 10 && await snackbars.CountAsync() > 0; tries++)
        {
            await page.EvaluateAsync("() => document.querySelectorAll('.mud-snackbar button').forEach(b => b.click())");
            await page.WaitForTimeoutAsync(300);
        }

        await Expect(snackbars).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.WaitForTimeoutAsync(400);
        await BrowserApp.Screenshot(page, name);
    }

    /// <summary>The open dialog whose content carries this test id (MudDialog puts its attributes on the content, not on the actions).</summary>
    private static ILocator Dialog(IPage page, string testId) =>
        page.Locator(".mud-dialog").Filter(new LocatorFilterOptions { Has = page.Locator($"[data-testid={testId}]") });

    /// <summary>Answers a confirmation message box with its action button.</summary>
    private static async Task ConfirmAsync(IPage page, string action)
    {
        var box = page.Locator(".mud-dialog").Filter(new LocatorFilterOptions { Has = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "取消" }) });
        await box.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = action, Exact = true }).ClickAsync();
        await Expect(box).ToHaveCountAsync(0);
    }

    /// <summary>Types into an editable MudBlazor date or time picker; the value is taken when the field loses focus.</summary>
    private static async Task FillDate(ILocator input, string text)
    {
        await input.FillAsync(text);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(text);
    }

    /// <summary>A minimal valid one-page PDF (header, catalog, pages, page, cross-reference table, trailer).</summary>
    private static byte[] MinimalPdf()
    {
        var objects = new[]
        {
            "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n",
        };
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var obj in objects)
        {
            offsets.Add(text.Length);
            text.Append(obj);
        }

        var xref = text.Length;
        text.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) text.Append($"{offset:D10} 00000 n \n");
        text.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
