using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Lianjian.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

/// <summary>统计文档: a 季通报 generated on the page, listed, and downloaded as a Word file holding the quarter's figures.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentsPageTests(BrowserApp app)
{
    [Fact]
    public async Task A_quarterly_bulletin_is_generated_listed_and_downloaded()
    {
        var page = await AdminUi.OpenAs(app, "gongwei", "/admin/documents");
        await Expect(page.Locator("nav").GetByText("统计文档")).ToBeVisibleAsync();
        await AdminUi.PickOrganization(page, "document-organization", "定海区");

        // The defaults: 季通报 and the last finished quarter.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(-3);
        var quarterEnd = quarterStart.AddMonths(3).AddDays(-1);
        string[] names = ["一", "二", "三", "四"];
        var label = $"{quarterStart.Year}年第{names[(quarterStart.Month - 1) / 3]}季度";
        await Expect(page.Locator("[data-testid=document-kind]")).ToContainTextAsync("季通报");
        await Expect(page.Locator("[data-testid=document-period]")).ToContainTextAsync(label);

        await page.Locator("[data-testid=document-generate]").ClickAsync();
        var row = page.Locator("[data-testid=document-row].document-latest");
        await Expect(row).ToContainTextAsync($"关于定海区{label}联建服务工单办理情况的通报", new() { Timeout = 30_000 });
        await Expect(row).ToContainTextAsync("季通报");
        await Expect(row).ToContainTextAsync("工委");
        await BrowserApp.Screenshot(page, "70-admin-documents");

        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid=document-download]").ClickAsync());
        Assert.Equal($"定海区{label}季通报.docx", download.SuggestedFilename);
        var saved = Path.Combine(BrowserApp.ScreenshotDirectory, "70-admin-documents.docx");   // kept beside the screenshot, to look at
        await download.SaveAsAsync(saved);
        using var word = WordprocessingDocument.Open(saved, false);
        var tables = word.MainDocumentPart!.Document.Body!.Elements<Table>()
            .Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();
        var summary = tables[0].Skip(1).ToDictionary(r => r[0], r => r[1]);

        // The same figures as the stats endpoint for 定海区 and that quarter (the demo data has a year of work).
        var response = await page.Context.APIRequest.GetAsync($"/api/work-orders/stats?organizationId={await OrgIdAsync(page, "定海区")}&from={quarterStart:yyyy-MM-dd}&to={quarterEnd:yyyy-MM-dd}");
        var stats = JsonDocument.Parse(await response.TextAsync()).RootElement;
        Assert.Equal(stats.GetProperty("received").GetInt32().ToString(CultureInfo.InvariantCulture), summary["受理工单（件）"]);
        Assert.Equal(stats.GetProperty("valid").GetInt32().ToString(CultureInfo.InvariantCulture), summary["有效工单（件）"]);
        Assert.Contains(tables[1].Skip(1), r => r[0] == "长白乡");

        // 月提醒 for this month, the city's: the demo data's late road repair in 嵊泗 is named under its handler.
        await AdminUi.PickOrganization(page, "document-organization", "舟山市");
        await AdminUi.Choose(page, "document-kind", "月提醒");
        await Expect(page.Locator("[data-testid=document-period]")).ToContainTextAsync($"{today.Year}年{today.Month}月");
        await page.Locator("[data-testid=document-generate]").ClickAsync();
        var reminder = page.Locator("[data-testid=document-row].document-latest");
        await Expect(reminder).ToContainTextAsync("月提醒", new() { Timeout = 30_000 });
        await Expect(reminder).ToContainTextAsync("舟山市");
        var reminderDownload = await page.RunAndWaitForDownloadAsync(() => reminder.Locator("[data-testid=document-download]").ClickAsync());
        Assert.Equal($"舟山市{today.Year}年{today.Month}月月提醒.docx", reminderDownload.SuggestedFilename);
        var reminderFile = Path.Combine(BrowserApp.ScreenshotDirectory, "71-admin-documents-reminder.docx");
        await reminderDownload.SaveAsAsync(reminderFile);
        using var reminderWord = WordprocessingDocument.Open(reminderFile, false);
        Assert.Contains("嵊泗县机关事务管理中心党支部：超时", reminderWord.MainDocumentPart!.Document.Body!.InnerText);
        await BrowserApp.Screenshot(page, "71-admin-documents-reminder");
    }

    private static async Task<string> OrgIdAsync(Microsoft.Playwright.IPage page, string name)
    {
        var response = await page.Context.APIRequest.GetAsync($"/api/organizations?name={Uri.EscapeDataString(name)}");
        var items = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("items");
        return items.EnumerateArray().First(i => i.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }
}
