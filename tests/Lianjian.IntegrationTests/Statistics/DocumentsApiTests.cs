using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.IntegrationTests.WorkOrders;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.Statistics.Documents;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lianjian.IntegrationTests.Statistics;

public sealed record DocumentRowDto(Guid Id, string Kind, string KindLabel, Guid OrganizationId, string OrganizationName, string Period, string PeriodLabel,
    string Title, string FileName, int Size, DateTime CreatedAt, string CreatedByName, string DownloadUrl);

/// <summary>
/// 季通报 and 月提醒 over HTTP: generated for a township of its own with two villages whose every figure is known, downloaded,
/// opened with OpenXml, and compared with <c>/api/work-orders/stats</c> for the same organization and period.
/// </summary>
public abstract class DocumentsApiTests(LianjianFactory app)
{
    private const string Url = "/api/statistics/documents";

    private sealed record Township(Guid Id, string Name, Guid VillageA, string NameA, Guid VillageB, string NameB, string OverdueNumber);

    private static string Quarter(DateOnly d) => $"{d.Year}-Q{(d.Month - 1) / 3 + 1}";

    private static (DateOnly From, DateOnly To) QuarterBounds(DateOnly d)
    {
        var from = new DateOnly(d.Year, (d.Month - 1) / 3 * 3 + 1, 1);
        return (from, from.AddMonths(3).AddDays(-1));
    }

    /// <summary>A township with two villages: A — one order resolved on time and rated 5, one rejected; B — one resolved and rated 3, one open past its deadline.</summary>
    private async Task<Township> TownshipAsync(HttpClient dinghai)
    {
        var sanlong = await app.LoginAs("sanlong");
        var name = WriteApiHelpers.Unique("通报乡");
        var township = await dinghai.Create("/api/organizations", new { name, kind = "Township", parentId = await dinghai.OrgId("定海区") });
        var (nameA, nameB) = (WriteApiHelpers.Unique("甲村"), WriteApiHelpers.Unique("乙村"));
        var villageA = await dinghai.Create("/api/organizations", new { name = nameA, kind = "Village", parentId = township });
        var villageB = await dinghai.Create("/api/organizations", new { name = nameB, kind = "Village", parentId = township });
        var branch = await dinghai.OrgId("三龙村党支部");
        var repair = (await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories")).Single(c => c.Code == "repair").Id;

        async Task<SubmittedDto> Submit(Guid place) =>
            await (await dinghai.PostJson("/api/work-orders", new { categoryId = repair, description = "通报测试", placeOrganizationId = place })).Read<SubmittedDto>();
        Task Act(HttpClient c, long id, string action, object? body = null) => c.PostJson($"/api/work-orders/{id}/{action}", body ?? new { }).Ok();
        async Task Resolve(long id)
        {
            await Act(dinghai, id, "dispatch", new { organizationId = branch });
            await Act(sanlong, id, "claim");
            await Act(sanlong, id, "resolve", new { note = "已办结" });
        }

        var a1 = await Submit(villageA);
        await Resolve(a1.Id);
        using (var requester = app.CreateClient()) await requester.PostJson($"/api/tracking/{a1.TrackingToken}/rate", new { rating = 5 }).Ok();
        await Act(dinghai, (await Submit(villageA)).Id, "reject", new { note = "重复" });
        var b1 = await Submit(villageB);
        await Resolve(b1.Id);
        await Act(dinghai, b1.Id, "follow-up", new { rating = 3, comment = "一般" });
        var b2 = await Submit(villageB);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var past = DateTime.UtcNow.AddHours(-5);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().WorkOrders.Where(o => o.Id == b2.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ResponseDeadline, past).SetProperty(o => o.ResolutionDeadline, past).SetProperty(o => o.DueAt, past));
            // A write around SaveChanges: the statistics' shared copy of the open deadlines must hear of it.
            scope.ServiceProvider.GetRequiredService<Lianjian.Web.Modules.WorkOrders.OpenDeadlines>().Invalidate();
        }

        return new Township(township, name, villageA, nameA, villageB, nameB, b2.Number);
    }

    private static string Pct(double? rate) => rate is { } r ? (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—";

    private static List<List<List<string>>> Tables(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return word.MainDocumentPart!.Document.Body!.Elements<Table>()
            .Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();
    }

    private static string Text(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    private static async Task<byte[]> Download(HttpClient client, DocumentRowDto row)
    {
        var response = await client.GetAsync(row.DownloadUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(row.FileName, disposition.FileNameStar);         // RFC 5987: filename*=UTF-8''…
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(row.Size, bytes.Length);
        return bytes;
    }

    [Fact]
    public async Task The_quarterly_bulletin_holds_the_quarters_figures_per_unit_ranked_with_the_overdue_orders_named()
    {
        var dinghai = await app.LoginAs("dinghai");
        var t = await TownshipAsync(dinghai);
        var today = WriteApiHelpers.ChinaToday;
        var (from, to) = QuarterBounds(today);

        var row = await (await dinghai.PostJson(Url, new { kind = "QuarterlyBulletin", organizationId = t.Id, period = Quarter(today) })).Read<DocumentRowDto>();
        Assert.Equal("季通报", row.KindLabel);
        Assert.Equal(t.Name, row.OrganizationName);
        Assert.EndsWith("季通报.docx", row.FileName);
        Assert.StartsWith(t.Name, row.FileName);
        var docx = await Download(dinghai, row);

        var stats = await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={t.Id}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        Assert.Equal((4, 3, 2, 1), (stats.Received, stats.Valid, stats.Resolved, stats.OpenOverdue));   // the numbers are real, not zeros
        var tables = Tables(docx);
        var summary = tables[0].Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(stats.Received.ToString(CultureInfo.InvariantCulture), summary["受理工单（件）"]);
        Assert.Equal(stats.Valid.ToString(CultureInfo.InvariantCulture), summary["有效工单（件）"]);
        Assert.Equal(Pct(stats.ResponseRate), summary["响应率"]);
        Assert.Equal(Pct(stats.ResolutionRate), summary["解决率"]);
        Assert.Equal("66.67%", summary["解决率"]);
        Assert.Equal(Pct(stats.SatisfactionRate), summary["满意率"]);
        Assert.Equal("50%", summary["满意率"]);
        Assert.Equal(stats.AverageResponseHours!.Value.ToString("0.##", CultureInfo.InvariantCulture), summary["平均响应时长（小时）"]);
        Assert.Equal(Pct(stats.OnTimeRate), summary["按时办结率"]);
        Assert.Equal("1", summary["超时在办（件）"]);

        // Beside each figure: the quarter before (环比) and the same quarter a year before (同比), with the changes.
        Assert.Equal(["指标", "本季度", "上季度", "环比", "上年同期", "同比"], tables[0][0]);
        var (quarterFrom, quarterTo) = Lianjian.Web.Modules.Statistics.Queries.ComparisonPeriods.LastQuarter(from, to);
        var quarterBefore = await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={t.Id}&from={quarterFrom:yyyy-MM-dd}&to={quarterTo:yyyy-MM-dd}");
        var received = tables[0].Single(r => r[0] == "受理工单（件）");
        Assert.Equal(quarterBefore.Received.ToString(CultureInfo.InvariantCulture), received[2]);
        var change = stats.Received - quarterBefore.Received;
        Assert.Equal(change == 0 ? "持平" : change.ToString("+0;-0", CultureInfo.InvariantCulture), received[3]);

        // 各单位办理情况: one row per village, each equal to the stats of that village.
        Assert.Equal(["单位", "受理", "有效", "按时办结", "办结", "满意率", "超时在办"], tables[1][0]);
        foreach (var (village, villageName) in new[] { (t.VillageA, t.NameA), (t.VillageB, t.NameB) })
        {
            var s = await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={village}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
            var line = tables[1].Single(r => r[0] == villageName);
            Assert.Equal([villageName, $"{s.Received}", $"{s.Valid}", $"{s.ResolvedOnTime}", $"{s.Resolved}", Pct(s.SatisfactionRate), $"{s.OpenOverdue}"], line);
        }

        Assert.Equal([t.NameA, "2", "1", "1", "1", "100%", "0"], tables[1].Single(r => r[0] == t.NameA));

        // 排名: A resolved all its valid orders (100%), B half: A first.
        Assert.Equal(["名次", "单位", "解决率", "满意率", "按时办结率"], tables[2][0]);
        Assert.Equal(["1", t.NameA, "100%", "100%", "100%"], tables[2][1]);
        Assert.Equal(["2", t.NameB, "50%", "0%", "100%"], tables[2][2]);

        // The overdue order by number, under the village it waits in.
        var overdue = tables[3];
        Assert.Equal("工单编号", overdue[0][1]);
        var named = Assert.Single(overdue.Skip(1));
        Assert.Equal(t.OverdueNumber, named[1]);
        Assert.Equal(t.NameB, named[3]);

        var text = Text(docx);
        Assert.Contains("联建工作通报", text);
        Assert.Contains($"关于{t.Name}", text);

        // Kept and listed (for the township and for 定海区 above it); generating again replaces it.
        var listed = await dinghai.GetJson<List<DocumentRowDto>>($"{Url}?organizationId={t.Id}");
        Assert.Equal(row.Id, Assert.Single(listed).Id);
        Assert.Contains(await dinghai.GetJson<List<DocumentRowDto>>($"{Url}?organizationId={await dinghai.OrgId("定海区")}"), d => d.Id == row.Id);
        var again = await (await dinghai.PostJson(Url, new { kind = "QuarterlyBulletin", organizationId = t.Id, period = Quarter(today) })).Read<DocumentRowDto>();
        Assert.Equal(row.Id, again.Id);
        Assert.True(again.CreatedAt >= row.CreatedAt);
        Assert.Single(await dinghai.GetJson<List<DocumentRowDto>>($"{Url}?organizationId={t.Id}"));

        // Another quarter without orders: zeros, no overdue, and a second kept document.
        var previous = QuarterBounds(from.AddDays(-1)).From;
        var empty = await (await dinghai.PostJson(Url, new { kind = "QuarterlyBulletin", organizationId = t.Id, period = Quarter(previous) })).Read<DocumentRowDto>();
        var emptyTables = Tables(await Download(dinghai, empty));
        Assert.Equal("0", emptyTables[0].Single(r => r[0] == "受理工单（件）")[1]);
        Assert.Equal("—", emptyTables[0].Single(r => r[0] == "解决率")[1]);
        Assert.Equal(2, (await dinghai.GetJson<List<DocumentRowDto>>($"{Url}?organizationId={t.Id}")).Count);
    }

    [Fact]
    public async Task The_monthly_reminder_names_each_responsible_units_overdue_orders()
    {
        var dinghai = await app.LoginAs("dinghai");
        var t = await TownshipAsync(dinghai);
        var today = WriteApiHelpers.ChinaToday;
        var row = await (await dinghai.PostJson(Url, new { kind = "MonthlyReminder", organizationId = t.Id, period = $"{today:yyyy-MM}" })).Read<DocumentRowDto>();
        Assert.Equal("月提醒", row.KindLabel);
        Assert.Equal($"{today.Year}年{today.Month}月", row.PeriodLabel);
        var docx = await Download(dinghai, row);
        var tables = Tables(docx);

        var summary = tables[0].Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("1", summary["超时未办结（件）"]);
        Assert.Equal("1", summary["涉及责任单位（个）"]);
        var month = await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={t.Id}&from={today:yyyy-MM}-01&to={today:yyyy-MM-dd}");
        Assert.Equal($"{month.Received}", summary["本月受理工单（件）"]);
        Assert.Equal($"{month.Resolved}", summary["本月已办结（件）"]);

        // The open order was never dispatched: the village it waits in must act; about five hours late, no escalation yet.
        Assert.Contains($"（一）{t.NameB}：超时1件，临期0件", Text(docx));
        var item = Assert.Single(tables[1].Skip(1));
        Assert.Equal(["序号", "工单编号", "类别", "地点", "时限", "状态", "超时（小时）", "督办"], tables[1][0]);
        Assert.Equal(t.OverdueNumber, item[1]);
        Assert.Equal(t.NameB, item[3]);
        Assert.Equal("已超时", item[5]);
        Assert.InRange(double.Parse(item[6], CultureInfo.InvariantCulture), 4.9, 5.5);
        Assert.Equal("—", item[7]);
    }

    [Fact]
    public async Task Documents_outside_the_users_scope_answer_404_and_bad_input_400_in_Chinese()
    {
        var dinghai = await app.LoginAs("dinghai");
        var putuo = await app.LoginAs("putuo");
        var village = await dinghai.Create("/api/organizations", new { name = WriteApiHelpers.Unique("范围村"), kind = "Village", parentId = await dinghai.OrgId("长白乡") });
        var month = $"{WriteApiHelpers.ChinaToday:yyyy-MM}";
        var row = await (await dinghai.PostJson(Url, new { kind = "MonthlyReminder", organizationId = village, period = month })).Read<DocumentRowDto>();

        // 普陀区 sees nothing of 定海区's: not the organization, not the list, not the file.
        await (await putuo.PostJson(Url, new { kind = "MonthlyReminder", organizationId = village, period = month })).AssertProblem(HttpStatusCode.NotFound, "organization.not_found");
        await (await putuo.GetAsync($"{Url}?organizationId={village}")).AssertProblem(HttpStatusCode.NotFound, "organization.not_found");
        await (await putuo.GetAsync(row.DownloadUrl)).AssertProblem(HttpStatusCode.NotFound, "document.not_found");
        Assert.DoesNotContain(await putuo.GetJson<List<DocumentRowDto>>(Url), d => d.Id == row.Id);
        Assert.Contains(await dinghai.GetJson<List<DocumentRowDto>>(Url), d => d.Id == row.Id);
        // The village's own admin (三龙村党支部) is not above it either; the committee and the system admin are.
        await (await (await app.LoginAs("sanlong")).GetAsync(row.DownloadUrl)).AssertProblem(HttpStatusCode.NotFound, "document.not_found");
        Assert.Equal(HttpStatusCode.OK, (await (await app.LoginAs("gongwei")).GetAsync(row.DownloadUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.LoginAs("admin")).GetAsync(row.DownloadUrl)).StatusCode);
        await (await dinghai.GetAsync($"{Url}/{Guid.NewGuid()}/file")).AssertProblem(HttpStatusCode.NotFound, "document.not_found");
        await (await dinghai.PostJson(Url, new { kind = "MonthlyReminder", organizationId = Guid.NewGuid(), period = month })).AssertProblem(HttpStatusCode.NotFound, "organization.not_found");

        // Members and the public may not.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.LoginAs("dangyuan")).GetAsync(Url)).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(row.DownloadUrl)).StatusCode);

        // Bad periods, a period not yet begun, no kind, no organization.
        foreach (var (kind, period) in new[] { ("QuarterlyBulletin", "2026-Q5"), ("QuarterlyBulletin", "2026-11"), ("QuarterlyBulletin", ""), ("MonthlyReminder", "2026-13"), ("MonthlyReminder", "2026-Q3"), ("MonthlyReminder", "11/2026") })
        {
            await (await dinghai.PostJson(Url, new { kind, organizationId = village, period })).AssertProblem(HttpStatusCode.BadRequest, "document.bad_period");
        }

        var next = WriteApiHelpers.ChinaToday.AddMonths(4);
        await (await dinghai.PostJson(Url, new { kind = "QuarterlyBulletin", organizationId = village, period = Quarter(next) })).AssertProblem(HttpStatusCode.BadRequest, "document.future_period");
        await (await dinghai.PostJson(Url, new { kind = "MonthlyReminder", organizationId = village, period = $"{next:yyyy-MM}" })).AssertProblem(HttpStatusCode.BadRequest, "document.future_period");
        await (await dinghai.PostJson(Url, new { organizationId = village, period = month })).AssertProblem(HttpStatusCode.BadRequest, "document.bad_kind");
        await (await dinghai.PostJson(Url, new { kind = "MonthlyReminder", period = month })).AssertProblem(HttpStatusCode.BadRequest, "document.organization_required");
        Assert.Equal(HttpStatusCode.BadRequest, (await dinghai.PostJson(Url, new { kind = "Yearly", organizationId = village, period = month })).StatusCode);
    }

    [Fact]
    public async Task On_the_first_day_of_a_quarter_two_nodes_at_once_keep_one_of_each_document_for_the_top_organizations()
    {
        async Task<GenerateScheduledDocuments.Outcome> RunJobAsync(TestClock clock)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var useCase = scope.ServiceProvider.GetRequiredService<GenerateScheduledDocuments>();
            var outcome = await useCase.RunAsync(clock.GetUtcNow().UtcDateTime);
            // The job class itself, on the same clock: it finds everything kept.
            await new GenerateScheduledDocumentsJob(useCase, clock, NullLogger<GenerateScheduledDocumentsJob>.Instance).RunAsync(CancellationToken.None);
            return outcome;
        }

        // The next 1 January, 1 April, 1 July or 1 October, 00:30 China time.
        var today = WriteApiHelpers.ChinaToday;
        var firstOfQuarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(3);
        var at = new DateTimeOffset(firstOfQuarter.ToDateTime(new TimeOnly(0, 30)), TimeSpan.FromHours(8));
        var clock = new TestClock();
        clock.AdvanceTo(at.AddDays(-1));
        Assert.Equal(new GenerateScheduledDocuments.Outcome(0, 0, 0), await RunJobAsync(clock));   // not a first day: nothing

        clock.AdvanceTo(at);
        var lastDay = firstOfQuarter.AddDays(-1);
        var month = $"{lastDay:yyyy-MM}";
        var quarter = Quarter(lastDay);
        List<Guid> tops;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var roots = db.Organizations.Where(o => o.ParentId == null && o.IsActive).Select(o => o.Id);
            tops = await db.Organizations.Where(o => o.IsActive && (o.ParentId == null || roots.Contains(o.ParentId.Value))).Select(o => o.Id).ToListAsync();
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunJobAsync(clock))));
        Assert.Equal(tops.Count * 2, outcomes.Sum(o => o.Generated));          // each document written once, by one node or the other
        Assert.All(outcomes, o => Assert.Equal(0, o.Failed));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var kept = await db.GeneratedDocuments.AsNoTracking().Where(d => tops.Contains(d.OrganizationId) && (d.Period == month || d.Period == quarter))
                .Select(d => new { d.Kind, d.OrganizationId, d.Period, d.CreatedBy, d.CreatedByName, d.Size }).ToListAsync();
            Assert.Equal(tops.Count * 2, kept.Count);
            Assert.Equal(tops.Count, kept.Count(d => d.Kind == DocumentKind.MonthlyReminder && d.Period == month));
            Assert.Equal(tops.Count, kept.Count(d => d.Kind == DocumentKind.QuarterlyBulletin && d.Period == quarter));
            Assert.All(kept, d => Assert.Null(d.CreatedBy));
            Assert.All(kept, d => Assert.Equal("系统定时任务", d.CreatedByName));
            Assert.All(kept, d => Assert.True(d.Size > 1500, $"{d.Size} bytes"));
        }

        // Later that day it finds them kept; the 舟山市 bulletin downloads for the committee with the city's figures.
        clock.Advance(TimeSpan.FromHours(3));
        var rerun = await RunJobAsync(clock);
        Assert.Equal((0, tops.Count * 2), (rerun.Generated, rerun.AlreadyKept));
        var gongwei = await app.LoginAs("gongwei");
        var city = await gongwei.OrgId("舟山市");
        var bulletin = (await gongwei.GetJson<List<DocumentRowDto>>($"{Url}?organizationId={city}")).Single(d => d.OrganizationId == city && d.Period == quarter);
        Assert.Equal("系统定时任务", bulletin.CreatedByName);
        var tables = Tables(await Download(gongwei, bulletin));
        Assert.Contains(tables[1], r => r[0] == "定海区");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DocumentsApiTests_Sqlite(SqliteApp app) : DocumentsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DocumentsApiTests_Postgres(PostgresApp app) : DocumentsApiTests(app);
