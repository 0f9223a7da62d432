using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Lianjian.IntegrationTests.Infrastructure;
using Xunit.Abstractions;
using static Lianjian.IntegrationTests.Infrastructure.Workbooks;

namespace Lianjian.IntegrationTests;

/// <summary>Excel import and export of organizations and people over HTTP (docs/decisions/0004-import-policy.md).</summary>
public abstract class ExcelImportExportTests(LianjianFactory app, ITestOutputHelper output)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private sealed record Outcome(int Rows, int Created, int Skipped, int BadRows, bool Succeeded);

    private sealed record RowError(int Row, string Column, string Message);

    private sealed record PersonItem(Guid Id, string Name, string Kind, Guid OrganizationId, string OrganizationName, string? Phone, string? IdNumber,
        string? MemberStatus, bool IsInService, string? Title, List<string> Skills, List<string> Tags);

    private sealed record PersonDetailsDto(PersonItem Person, string? Gender, DateOnly? BirthDate, DateOnly? JoinedPartyOn, string? Remark);

    private sealed record AuditItem(long Id, string UserName, string Action, string EntityType, string EntityId, string? EntityLabel, string Changes);

    private static string Cells(IEnumerable<string?> cells) => string.Join(" | ", cells.Select(c => c ?? "∅"));

    private static async Task<Outcome> Imported(HttpResponseMessage response) => await response.Read<Outcome>();

    private static async Task<List<RowError>> RowErrors(HttpResponseMessage response)
    {
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "import.invalid_rows");
        return problem.GetProperty("rows").Deserialize<List<RowError>>(ApiExtensions.Json)!;
    }

    private static async Task<int> PeopleTotal(HttpClient client, string query = "") =>
        (await client.GetJson<PageDto<PersonItem>>("/api/people?pageSize=1&includeInactive=true" + query)).Total;

    private static async Task<int> OrganizationsTotal(HttpClient client) =>
        (await client.GetJson<PageDto<OrgRow>>("/api/organizations?pageSize=1&includeInactive=true")).Total;

    private static async Task<List<PersonItem>> PeopleNamed(HttpClient client, string text) =>
        (await client.GetJson<PageDto<PersonItem>>($"/api/people?text={Uri.EscapeDataString(text)}&pageSize=200")).Items;

    private static async Task<OrgRow> Organization(HttpClient client, string name)
    {
        var page = await client.GetJson<PageDto<OrgRow>>($"/api/organizations?name={Uri.EscapeDataString(name)}&includeInactive=true&pageSize=200");
        return Assert.Single(page.Items, o => o.Name == name);
    }

    private static async Task<byte[]> Download(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Templates_OpenWithMiniExcel_WithChineseHeaders_AnExampleRow_AndInstructions()
    {
        var client = await app.LoginAs("dinghai");

        var people = await Download(client, "/api/people/import-template");
        var rows = Read(people);
        Assert.Equal(PeopleHeaders, rows[0]);
        Assert.Equal(2, rows.Count);
        Assert.EndsWith("（示例）", rows[1][0]);
        Assert.Equal("定海区", rows[1][2]);
        Assert.Contains(Read(people, "填写说明"), r => r[0] == "身份证号");

        var organizations = await Download(client, "/api/organizations/import-template");
        rows = Read(organizations);
        Assert.Equal(OrganizationHeaders, rows[0]);
        Assert.Equal(2, rows.Count);
        Assert.EndsWith("（示例）", rows[1][0]);

        // The untouched template holds only the example row: nothing to import, said in Chinese.
        var onlyExample = await (await client.PostAsync("/api/people/import", Upload(people))).AssertProblem(HttpStatusCode.BadRequest, "excel.no_rows");
        Assert.Contains("只有模板的示例行", onlyExample.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GoodPeopleFile_Imports_AndTheRowsAppearInThePeopleList()
    {
        var client = await app.LoginAs("dinghai");
        var s = Suffix();
        var id = NextIdNumber();
        var file = People(
            ["王海波（示例）", "党员", "定海区", "13800000000", null, "男", "1980-05-01", "正式党员", "2005-07-01", "否", null, null, null, "示例"],
            Member("陈一" + s, "三龙村党支部", "13912340001", id),
            ["陈二" + s, "党员", "长白乡/长白岛三龙村/三龙村党支部", "0580-2281234", null, "男", new DateTime(1979, 2, 3), "预备", "2025-12-01", "否", "党小组长", "农技，渔业", null, null],
            ["陈三" + s, "网格员", "东海社区第一网格", "13912340003", null, null, null, null, null, null, "专职网格员", null, null, null],
            [null, "群众", "舟山市/定海区/长白乡/长白岛三龙村", "13912340004", null, null, null, null, null, null, null, null, null, "只留了手机号"]);

        var outcome = await Imported(await client.PostAsync("/api/people/import", Upload(file)));
        Assert.Equal(new Outcome(5, 4, 1, 0, true), outcome);

        var found = await PeopleNamed(client, s);
        Assert.Equal(["陈一" + s, "陈三" + s, "陈二" + s], found.Select(p => p.Name).Order().ToArray());
        var first = found.Single(p => p.Name == "陈一" + s);
        Assert.Equal(("三龙村党支部", "13912340001", id, "正式党员", true), (first.OrganizationName, first.Phone, first.IdNumber, first.MemberStatus, first.IsInService));
        Assert.Equal(["医疗", "理发"], first.Skills);
        var details = await client.GetJson<PersonDetailsDto>($"/api/people/{first.Id}");
        Assert.Equal(("Female", new DateOnly(1985, 3, 12), new DateOnly(2010, 7, 1), "导入测试"), (details.Gender, details.BirthDate, details.JoinedPartyOn, details.Remark));
        var second = found.Single(p => p.Name == "陈二" + s);
        Assert.Equal(("预备党员", "三龙村党支部"), (second.MemberStatus, second.OrganizationName));
        Assert.Equal(["农技", "渔业"], second.Skills);
        Assert.Equal(new DateOnly(1979, 2, 3), (await client.GetJson<PersonDetailsDto>($"/api/people/{second.Id}")).BirthDate);
        // A path may start above the scope (舟山市 is dinghai's parent); a resident may be known by phone only.
        Assert.Equal("长白岛三龙村", Assert.Single(await PeopleNamed(client, "13912340004")).OrganizationName);
    }

    [Fact]
    public async Task FileWithThreeBadRows_ReportsAllThreeRows_AndWritesNothing()
    {
        var client = await app.LoginAs("dinghai");
        var s = Suffix();
        var before = await PeopleTotal(client);
        var file = People(
            Member("好甲" + s, "三龙村党支部"),
            Member("坏乙" + s, "三龙村党支部", phone: "1391234"),
            Member("坏丙" + s, "不存在的支部" + s),
            Member("好丁" + s, "三龙村党支部"),
            ["坏戊" + s, "党员", "三龙村党支部", null, null, "未知", "1990-13-45", null, null, "也许", null, null, null, null]);

        var errors = await RowErrors(await client.PostAsync("/api/people/import", Upload(file)));

        Assert.Equal([3, 4, 6], errors.Select(e => e.Row).Distinct().Order().ToArray());
        Assert.Contains(errors, e => e is { Row: 3, Column: "手机号" } && e.Message.Contains("格式不正确"));
        Assert.Contains(errors, e => e is { Row: 4, Column: "所属组织" } && e.Message.Contains("不在您的管辖范围内"));
        var sixth = errors.Where(e => e.Row == 6).Select(e => e.Column).ToHashSet();
        Assert.Superset(new HashSet<string> { "性别", "出生日期", "党员类别", "在职党员(是/否)" }, sixth);
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
        Assert.Equal(before, await PeopleTotal(client));
        Assert.Empty(await PeopleNamed(client, s));
    }

    [Fact]
    public async Task DuplicateIdNumbers_InTheFileAndInTheDatabase_AreRowErrors()
    {
        var client = await app.LoginAs("dinghai");
        var s = Suffix();
        var taken = NextIdNumber();
        var twice = NextIdNumber();
        await Imported(await client.PostAsync("/api/people/import", Upload(People(Member("已有" + s, "三龙村党支部", idNumber: taken)))));

        var errors = await RowErrors(await client.PostAsync("/api/people/import", Upload(People(
            Member("重号甲" + s, "三龙村党支部", idNumber: taken.ToLowerInvariant()),
            Member("重号乙" + s, "三龙村党支部", idNumber: twice),
            Member("重号丙" + s, "东海社区", idNumber: twice)))));

        Assert.Equal([new RowError(2, "身份证号", "该身份证号已登记在另一名人员名下。"), new RowError(4, "身份证号", "身份证号与第 3 行重复")], errors);
        Assert.Empty(await PeopleNamed(client, "重号"));
    }

    [Fact]
    public async Task CorruptRenamedEmptyAndOversizeFiles_AnswerChineseProblems_AndWriteNothing()
    {
        var client = await app.LoginAs("dinghai");
        var before = await PeopleTotal(client);
        var good = People(Member("坏文件" + Suffix(), "三龙村党支部"));
        var truncated = good[..(good.Length / 2)];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        byte[] oldXls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("readme.txt").Open();
            await entry.WriteAsync("这不是 Excel"u8.ToArray());
        }

        var cases = new (byte[] File, HttpStatusCode Status, string Code)[]
        {
            (truncated, HttpStatusCode.BadRequest, "excel.corrupt"),
            (zip.ToArray(), HttpStatusCode.BadRequest, "excel.corrupt"),
            ("姓名,人员类别\n张三,党员\n"u8.ToArray(), HttpStatusCode.BadRequest, "excel.not_xlsx"),
            (png, HttpStatusCode.BadRequest, "excel.not_xlsx"),
            (oldXls, HttpStatusCode.BadRequest, "excel.xls_not_supported"),
            ([], HttpStatusCode.BadRequest, "excel.empty_file"),
            (EmptyWorkbook(), HttpStatusCode.BadRequest, "excel.empty"),
            (Sheet("人员", ["名字", "类别", "组织"], [["张三", "党员", "三龙村党支部"]]), HttpStatusCode.BadRequest, "excel.wrong_headers"),
        };
        foreach (var (file, status, code) in cases)
        {
            await (await client.PostAsync("/api/people/import", Upload(file))).AssertProblem(status, code);
            await (await client.PostAsync("/api/organizations/import", Upload(file))).AssertProblem(status, code);
        }

        var wrongHeaders = await (await client.PostAsync("/api/people/import", Upload(Sheet("人员", ["名字", "人员类别"], [["张三", "党员"]])))).AssertProblem(HttpStatusCode.BadRequest, "excel.wrong_headers");
        Assert.Contains("缺少列：姓名、所属组织", wrongHeaders.GetProperty("detail").GetString());
        Assert.Contains("无法识别的列：名字", wrongHeaders.GetProperty("detail").GetString());

        var oversize = new byte[21 * 1024 * 1024];
        "PK\u0003\u0004"u8.CopyTo(oversize);
        var tooLarge = await client.PostAsync("/api/people/import", Upload(oversize));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        await tooLarge.AssertProblem(HttpStatusCode.RequestEntityTooLarge);

        var noFile = new MultipartFormDataContent { { new StringContent("忘了选文件"), "note" } };
        await (await client.PostAsync("/api/people/import", noFile)).AssertProblem(HttpStatusCode.BadRequest, "excel.no_file");
        await (await client.PostAsync("/api/people/import", new MultipartFormDataContent())).AssertProblem(HttpStatusCode.BadRequest, "excel.broken_upload");
        await (await client.PostJson("/api/people/import", new { file = "人员.xlsx" })).AssertProblem(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        Assert.Equal(before, await PeopleTotal(client));
    }

    private static byte[] EmptyWorkbook()
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new List<Dictionary<string, object?>>(), printHeader: false, sheetName: "人员");
        return stream.ToArray();
    }

    [Fact]
    public async Task OutOfScopeParentOrHome_IsARowError_AndNothingIsWritten()
    {
        var dinghai = await app.LoginAs("dinghai");
        var putuo = await app.LoginAs("putuo");
        var s = Suffix();
        var organizationsBefore = await OrganizationsTotal(putuo);

        var orgErrors = await RowErrors(await dinghai.PostAsync("/api/organizations/import", Upload(Organizations(
            ["越权党小组" + s, "党小组", "葫芦岛村", null, null, null, null, null],
            ["越权网格" + s, "网格", "普陀区/虾峙镇/葫芦岛村", null, null, null, null, null],
            ["合法党小组" + s, "党小组", "三龙村党支部", null, null, null, null, null]))));
        Assert.Equal([new RowError(2, "上级组织", "上级组织“葫芦岛村”不存在，或不在您的管辖范围内"), new RowError(3, "上级组织", "上级组织“普陀区/虾峙镇/葫芦岛村”不存在，或不在您的管辖范围内")], orgErrors);

        var peopleErrors = await RowErrors(await dinghai.PostAsync("/api/people/import", Upload(People(Member("越权党员" + s, "葫芦岛村党支部")))));
        Assert.Equal([new RowError(2, "所属组织", "所属组织“葫芦岛村党支部”不存在，或不在您的管辖范围内")], peopleErrors);

        Assert.Equal(organizationsBefore, await OrganizationsTotal(putuo));
        Assert.Empty((await dinghai.GetJson<PageDto<OrgRow>>($"/api/organizations?name={s}")).Items);
        Assert.Empty(await PeopleNamed(putuo, s));
    }

    [Fact]
    public async Task OrganizationTree_ImportsWithParentsFromEarlierRows_AndPathsResolveNamesakes()
    {
        var client = await app.LoginAs("dinghai");
        var s = Suffix();
        var outcome = await Imported(await client.PostAsync("/api/organizations/import", Upload(Organizations(
            ["新镇" + s, "乡镇街道", "定海区", "XZ" + s, "定海区新镇路1号", "李主任", "0580-2281234", 5],
            ["新村" + s, "村", "新镇" + s, "XC" + s, null, null, null, null],
            ["新村党支部" + s, "党支部", "XC" + s, null, null, null, null, 1],
            ["新村党小组" + s, "党小组", "新镇" + s + "/新村" + s + "/新村党支部" + s, null, null, null, null, null],
            ["一号网格" + s, "网格", "新村" + s, null, null, null, null, null],
            ["同名网格" + s, "网格", "一号网格" + s, null, null, null, null, null],
            ["二号网格" + s, "网格", "新村" + s, null, null, null, null, null],
            ["同名网格" + s, "网格", "二号网格" + s, null, null, null, null, null]))));
        Assert.Equal(new Outcome(8, 8, 0, 0, true), outcome);

        var town = await Organization(client, "新镇" + s);
        var village = await Organization(client, "新村" + s);
        Assert.Equal(town.Id, village.ParentId);
        var branch = await Organization(client, "新村党支部" + s);
        Assert.Equal(village.Id, branch.ParentId);
        Assert.Equal(branch.Id, (await Organization(client, "新村党小组" + s)).ParentId);
        Assert.Equal(2, (await client.GetJson<PageDto<OrgRow>>($"/api/organizations?name=同名网格{s}")).Items.Count(o => o.GridLevel == 2));

        // Two 同名网格 are now in scope: the bare name is ambiguous, a path is not.
        var errors = await RowErrors(await client.PostAsync("/api/organizations/import", Upload(Organizations(
            ["小组甲" + s, "网格", "同名网格" + s, null, null, null, null, null],
            ["小组乙" + s, "网格", "一号网格" + s + " / 同名网格" + s, null, null, null, null, null],
            ["新村" + s, "村", "新镇" + s, null, null, null, null, null],
            ["晚辈" + s, "党小组", "前辈" + s, null, null, null, null, null],
            ["前辈" + s, "党支部", "新村" + s, null, null, null, null, null]))));
        Assert.Equal(new RowError(2, "上级组织", $"上级组织“同名网格{s}”在您的管辖范围内有 2 个同名组织，请写成“上级/名称”（如 长白乡/长白岛三龙村）或填写组织代码"), errors[0]);
        Assert.Equal([2, 4, 5], errors.Select(e => e.Row).ToArray());
        Assert.Contains("已有名为", errors[1].Message);
        Assert.Equal($"上级组织“前辈{s}”在本文件第 6 行，上级须写在下级之前", errors[2].Message);
    }

    [Fact]
    public async Task PeopleExport_ThenReimport_RoundTrips()
    {
        var client = await app.LoginAs("dinghai");
        var s = Suffix();
        var id = NextIdNumber();
        var original = People(
            Member("往返甲" + s, "三龙村党支部", "13955550001", id),
            ["往返乙" + s, "网格员", "东海社区第一网格", "13955550002", null, "男", "1970-01-02", null, null, "否", "专职网格员", null, "楼道长、调解员", "备注乙"],
            ["往返丙" + s, "群众", "长白岛三龙村", null, null, null, null, null, null, null, null, null, null, null]);
        await Imported(await client.PostAsync("/api/people/import", Upload(original)));

        var exported = await Download(client, $"/api/people/export?text={Uri.EscapeDataString("往返")}");
        var rows = Read(exported);
        Assert.Equal(PeopleHeaders, rows[0]);
        var mine = new[] { "往返甲", "往返乙", "往返丙" }.Select(n => Assert.Single(rows, r => r[0] == n + s)).ToList();
        Assert.Equal(Cells(["往返甲" + s, "党员", "三龙村党支部", "13955550001", id, "女", "1985-03-12", "正式党员", "2010-07-01", "是", "党员志愿者", "医疗、理发", "在职党员", "导入测试"]), Cells(mine[0]));
        Assert.Equal(Cells(["往返乙" + s, "网格员", "东海社区第一网格", "13955550002", null, "男", "1970-01-02", null, null, "否", "专职网格员", null, "楼道长、调解员", "备注乙"]), Cells(mine[1]));

        // The export unchanged: the person with an ID number is already registered, so nothing is written.
        var exportedMine = Sheet("人员", PeopleHeaders, mine.Select(r => r.Cast<object?>().ToArray()));
        var errors = await RowErrors(await client.PostAsync("/api/people/import", Upload(exportedMine)));
        Assert.Equal([new RowError(2, "身份证号", "该身份证号已登记在另一名人员名下。")], errors);

        // Without the ID number it imports as it was exported.
        var withoutId = mine.Select(r => r.Select((v, i) => i == 4 ? null : (object?)v).ToArray());
        var outcome = await Imported(await client.PostAsync("/api/people/import", Upload(Sheet("人员", PeopleHeaders, withoutId))));
        Assert.Equal(3, outcome.Created);
        var again = Read(await Download(client, $"/api/people/export?text={Uri.EscapeDataString("往返甲" + s)}")).Skip(1).ToList();
        Assert.Equal(2, again.Count);
        Assert.Equal(again[0].Where((_, i) => i != 4), again[1].Where((_, i) => i != 4));
    }

    [Fact]
    public async Task OrganizationExport_ThenReimport_RoundTrips()
    {
        var client = await app.LoginAs("dinghai");
        var s = Suffix();
        await Imported(await client.PostAsync("/api/organizations/import", Upload(Organizations(
            ["往返镇" + s, "乡镇街道", "定海区", "WF" + s, "往返路1号", "周主任", "13955551111", 3],
            ["往返村" + s, "村", "往返镇" + s, null, null, null, null, 1]))));
        var town = await Organization(client, "往返镇" + s);

        var rows = Read(await Download(client, $"/api/organizations/export?under={town.Id}"));
        Assert.Equal(OrganizationHeaders, rows[0]);
        Assert.Equal(Cells(["往返镇" + s, "乡镇街道", "定海区", "WF" + s, "往返路1号", "周主任", "13955551111", "3"]), Cells(rows[1]));
        Assert.Equal(Cells(["往返村" + s, "村", "往返镇" + s, null, null, null, null, "1"]), Cells(rows[2]));

        var exported = Sheet("组织", OrganizationHeaders, rows.Skip(1).Select(r => r.Cast<object?>().ToArray()));
        var errors = await RowErrors(await client.PostAsync("/api/organizations/import", Upload(exported)));
        Assert.Equal([2, 3], errors.Select(e => e.Row).ToArray());
        Assert.Equal($"上级组织“定海区”下已有名为“往返镇{s}”的组织（可能已导入过）", errors[0].Message);

        // The same subtree copied under another township: the rows of the file are found before the namesakes in the database.
        var copied = rows.Skip(1).Select(r => r.Select((v, i) => r == rows[1] && i == 2 ? "环南街道" : (object?)v).ToArray());
        Assert.Equal(2, (await Imported(await client.PostAsync("/api/organizations/import", Upload(Sheet("组织", OrganizationHeaders, copied))))).Created);
        var huannan = await Organization(client, "环南街道");
        var under = await client.GetJson<PageDto<OrgRow>>($"/api/organizations?under={huannan.Id}&name={s}");
        var copiedTown = Assert.Single(under.Items, o => o.Name == "往返镇" + s);
        Assert.Equal(copiedTown.Id, Assert.Single(under.Items, o => o.Name == "往返村" + s).ParentId);
    }

    [Fact]
    public async Task Export_FollowsScopeAndMasksPersonalDataByRole()
    {
        var dinghai = await app.LoginAs("dinghai");
        var s = Suffix();
        var id = NextIdNumber();
        await Imported(await dinghai.PostAsync("/api/people/import", Upload(People(Member("脱敏" + s, "三龙村党支部", "13966661234", id)))));

        var full = Read(await Download(dinghai, $"/api/people/export?text=脱敏{s}"));
        Assert.Equal(("13966661234", id), (full[1][3], full[1][4]));

        var gongwei = await app.LoginAs("gongwei");
        var masked = Read(await Download(gongwei, $"/api/people/export?text=脱敏{s}"));
        Assert.Equal(("139****1234", id[..3] + new string('*', 11) + id[^4..]), (masked[1][3], masked[1][4]));
        // A masked export does not import as if the stars were digits.
        var errors = await RowErrors(await dinghai.PostAsync("/api/people/import", Upload(Sheet("人员", PeopleHeaders, [masked[1].Cast<object?>().ToArray()]))));
        Assert.Equal(["手机号", "身份证号"], errors.Select(e => e.Column).ToArray());
        Assert.All(errors, e => Assert.Contains("脱敏", e.Message));

        var putuo = await app.LoginAs("putuo");
        Assert.Equal([PeopleHeaders], Read(await Download(putuo, $"/api/people/export?text=脱敏{s}")));
        Assert.Equal([OrganizationHeaders], Read(await Download(putuo, "/api/organizations/export?name=三龙村")));
    }

    [Fact]
    public async Task ImportAndTemplate_AreForStaffOnly()
    {
        var member = await app.LoginAs("dangyuan");
        var file = People(Member("党员自导" + Suffix(), "中心机关第一党支部"));
        await (await member.PostAsync("/api/people/import", Upload(file))).AssertProblem(HttpStatusCode.Forbidden);
        await (await member.PostAsync("/api/organizations/import", Upload(file))).AssertProblem(HttpStatusCode.Forbidden);
        await (await member.GetAsync("/api/people/import-template")).AssertProblem(HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsync("/api/people/import", Upload(file))).AssertProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/people/export")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Import_WritesOneSummaryAuditEntry_BesideTheEntriesOfEachRow()
    {
        var client = await app.LoginAs("dinghai");
        var s = Suffix();
        await Imported(await client.PostAsync("/api/people/import", Upload(People(Member("审计甲" + s, "三龙村党支部"), Member("审计乙" + s, "东海社区")))));

        var summaries = await client.GetJson<PageDto<AuditItem>>("/api/audit?action=Imported&entityType=Person&pageSize=200");
        var summary = summaries.Items.First();
        Assert.Equal(("dinghai", "Excel 导入 2 名人员"), (summary.UserName, summary.EntityLabel));
        Assert.Contains("\"Count\":[null,2]", summary.Changes);
        var person = (await PeopleNamed(client, "审计甲" + s)).Single();
        var created = await client.GetJson<PageDto<AuditItem>>($"/api/audit?entityType=Person&entityId={person.Id}");
        Assert.Equal("Created", Assert.Single(created.Items).Action);
    }

    [Fact]
    public async Task TenThousandPeople_ImportWithinTheTimeBudget()
    {
        var client = await app.LoginAs("dinghai");
        var s = Suffix();
        string[] homes = ["三龙村党支部", "长白岛三龙村", "东海社区", "第一网格党支部", "定海区机关事务管理中心党支部", "三龙村股份经济合作社"];
        var rows = Enumerable.Range(0, 10_000).Select(i => i % 3 == 0
            ? new object?[] { $"批量{s}-{i}", "群众", homes[i % homes.Length], $"137{i:D8}", null, null, null, null, null, null, null, null, null, null }
            : Member($"批量{s}-{i}", homes[i % homes.Length], $"136{i:D8}", NextIdNumber()));
        var file = People([.. rows]);

        var watch = Stopwatch.StartNew();
        var outcome = await Imported(await client.PostAsync("/api/people/import", Upload(file)));
        watch.Stop();

        output.WriteLine($"{app.Provider}: 10,000 people imported in {watch.Elapsed.TotalSeconds:0.00} s over HTTP ({outcome.Created} created)");
        Assert.Equal(10_000, outcome.Created);
        Assert.Equal(10_000, (await client.GetJson<PageDto<PersonItem>>($"/api/people?text=批量{s}&pageSize=1")).Total);
        // Target ≤ 10 s (issue 2), about 3 s on a warm app. This bound only catches a regression to per-row queries
        // (minutes); it leaves room for a debug build on a shared, busy 2-core test machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"import took {watch.Elapsed}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExcelImportExportTests_Sqlite(SqliteApp app, ITestOutputHelper output) : ExcelImportExportTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class ExcelImportExportTests_Postgres(PostgresApp app, ITestOutputHelper output) : ExcelImportExportTests(app, output);
