using System.Text.Json;
using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Lianjian.BrowserTests;

/// <summary>An organization admin imports people from Excel in the back office and finds them afterwards.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportExportPageTests(BrowserApp app)
{
    private static readonly string[] Headers =
        ["姓名", "人员类别", "所属组织", "手机号", "身份证号", "性别", "出生日期", "党员类别", "入党日期", "在职党员(是/否)", "职务", "技能(、分隔)", "标签", "备注"];

    // Files chosen in the browser's file picker.
    private static readonly string Files = Directory.CreateTempSubdirectory("lianjian-bt-files-").FullName;

    private static string Workbook(string name, IEnumerable<object?[]> rows, string sheetName = "人员", string[]? headers = null)
    {
        headers ??= Headers;
        var path = Path.Combine(Files, name + ".xlsx");
        var sheet = rows.Select(r => headers.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => x.v)).ToList();
        MiniExcel.SaveAs(path, sheet, sheetName: sheetName, overwriteFile: true);
        return path;
    }

    /// <summary>After an import the page takes the next file: the upload button is enabled again (and its fade has ended).</summary>
    private static async Task ReadyForTheNextFile(IPage page)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "选择 Excel 文件并导入" })).ToBeEnabledAsync();
        await page.WaitForTimeoutAsync(400);
    }

    private static async Task<IPage> OpenImportPage(BrowserApp app)
    {
        var page = await app.NewPage();
        await BrowserApp.SignIn(page, "dinghai");
        await page.GotoAsync("/admin/import");
        await BrowserApp.WaitInteractive(page);
        return page;
    }

    [Fact]
    public async Task DinghaiAdmin_ImportsPeopleForSanlongVillage_SeesProgressAndResult_ThenFindsThePerson()
    {
        var s = Guid.NewGuid().ToString("N")[..6];
        var first = "浏览器导入" + s;
        var rows = new List<object?[]>
        {
            new object?[] { first, "党员", "三龙村党支部", "13812345678", null, "女", "1988-08-08", "正式党员", "2012-07-01", "否", "党小组长", "农技、渔业", "致富能手", "浏览器测试" },
        };
        rows.AddRange(Enumerable.Range(1, 4999).Select(i => new object?[] { $"三龙村民{s}-{i}", "群众", "长白岛三龙村", $"135{i:D8}" }));
        var file = Workbook("people-" + s, rows);
        var page = await OpenImportPage(app);
        Assert.Contains("下载人员导入模板", await page.InnerTextAsync("body"));

        await page.SetInputFilesAsync("input[type=file]", file);
        var progress = page.Locator("[data-testid=import-progress]");
        await progress.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        try
        {
            // The bar while rows are written; a fast machine may finish first, which is fine.
            await progress.Filter(new LocatorFilterOptions { HasTextString = "写入数据库" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
        }

        await BrowserApp.Screenshot(page, "20-import-progress");
        var result = page.Locator("[data-testid=import-result]");
        await result.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        Assert.Contains("导入成功：新增 5000 条", await result.InnerTextAsync());
        await ReadyForTheNextFile(page);
        await BrowserApp.Screenshot(page, "21-import-result");

        // The export button downloads what the list would show for the same filter.
        await page.GetByLabel("姓名或手机号").FillAsync(first);
        await page.Locator($"[data-testid=export][href*='{Uri.EscapeDataString(first)}']").WaitForAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export]"));
        Assert.Matches(@"^人员_\d{8}_\d{4}\.xlsx$", download.SuggestedFilename);
        var exported = await download.PathAsync();
        var row = Assert.Single(MiniExcel.Query(exported!, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>());
        Assert.Equal((first, "三龙村党支部", "13812345678"), (row["姓名"], row["所属组织"], row["手机号"]));

        await page.GotoAsync($"/api/people?text={Uri.EscapeDataString(first)}");
        var json = JsonDocument.Parse(await page.InnerTextAsync("body")).RootElement;
        var person = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal((first, "三龙村党支部", "13812345678"), (person.GetProperty("name").GetString(), person.GetProperty("organizationName").GetString(), person.GetProperty("phone").GetString()));
        await BrowserApp.Screenshot(page, "22-imported-person-api");
    }

    [Fact]
    public async Task BadRowsAndBadFiles_AreShownInChinese_AndNothingIsImported()
    {
        var s = Guid.NewGuid().ToString("N")[..6];
        var file = Workbook("bad-" + s, [
            ["好人" + s, "党员", "三龙村党支部", null, null, null, null, "正式党员"],
            ["手机错" + s, "党员", "三龙村党支部", "12345", null, null, null, "正式党员"],
            ["越权" + s, "党员", "葫芦岛村党支部", null, null, null, null, "正式党员"],
            ["无类别" + s, "党员", "三龙村党支部"],
        ]);
        var page = await OpenImportPage(app);

        await page.SetInputFilesAsync("input[type=file]", file);
        var result = page.Locator("[data-testid=import-result]");
        await result.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Contains("有 3 行数据有误，未导入任何数据", await result.InnerTextAsync());
        var table = await page.Locator("[data-testid=import-errors]").InnerTextAsync();
        Assert.Contains("第 3 行", table);
        Assert.Contains("第 4 行", table);
        Assert.Contains("第 5 行", table);
        Assert.Contains("不在您的管辖范围内", table);
        await ReadyForTheNextFile(page);
        await BrowserApp.Screenshot(page, "23-import-row-errors");

        var renamed = Path.Combine(Files, "picture-" + s + ".xlsx");
        await File.WriteAllBytesAsync(renamed, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        await page.SetInputFilesAsync("input[type=file]", renamed);
        var error = page.Locator("[data-testid=import-error]");
        await error.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Contains("不是有效的 Excel 工作簿", await error.InnerTextAsync());
        await BrowserApp.Screenshot(page, "24-import-not-excel");

        await page.GotoAsync($"/api/people?text={Uri.EscapeDataString("好人" + s)}");
        Assert.Equal(0, JsonDocument.Parse(await page.InnerTextAsync("body")).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task OrganizationsTab_ImportsASubtreeUnderChangbai()
    {
        var s = Guid.NewGuid().ToString("N")[..6];
        var file = Workbook("orgs-" + s, [
            ["三龙村第二党小组" + s, "党小组", "三龙村党支部", null, null, "陈组长", "13812340000", 2],
            ["三龙村第一网格" + s, "网格", "长白乡/长白岛三龙村", null, "三龙村码头", null, null, 1],
            ["码头楼院" + s, "网格", "三龙村第一网格" + s],
        ], "组织", ["组织名称", "组织类型", "上级组织", "组织代码", "地址", "联系人", "联系电话", "排序号"]);
        var page = await OpenImportPage(app);

        await page.ClickAsync("[data-testid=target-organizations]");
        await page.GetByText("下载组织导入模板").WaitForAsync();
        await page.SetInputFilesAsync("input[type=file]", file);
        var result = page.Locator("[data-testid=import-result]");
        await result.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Contains("导入成功：新增 3 条", await result.InnerTextAsync());
        await BrowserApp.Screenshot(page, "25-import-organizations");

        await page.GotoAsync($"/api/organizations?name={Uri.EscapeDataString("码头楼院" + s)}");
        var organization = Assert.Single(JsonDocument.Parse(await page.InnerTextAsync("body")).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(2, organization.GetProperty("gridLevel").GetInt32());
    }
}
