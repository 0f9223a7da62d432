using System.Net;
using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.IntegrationTests.WorkOrders;
using Lianjian.Web.Platform.Calendar;
using MiniExcelLibs;

namespace Lianjian.IntegrationTests.Statistics;

public sealed record SubOrganizationDto(int Rank, string KindLabel, StatsDto Stats);

public sealed record MonthTrendDto(int Year, int Month, string Label, int Received, int Valid, int Resolved, int Rated, int Satisfied,
    double? ResolutionRate, double? SatisfactionRate, int LastYearValid, double? LastYearResolutionRate);

public sealed record CategoryFiguresDto(Guid CategoryId, string Name, string Kind, int Valid, int Resolved, double? ResolutionRate);

public sealed record OverdueRowDto(long Id, string Number);

public sealed record DashboardDto(Guid? OrganizationId, string OrganizationName, DateOnly From, DateOnly To, StatsDto Current, StatsDto LastYear, StatsDto LastQuarter,
    List<MonthTrendDto> Trend, List<SubOrganizationDto> SubOrganizations, List<CategoryFiguresDto> BusiestCategories, List<OverdueRowDto> Overdue);

/// <summary>
/// The dashboard (docs/kpis.md) on a village of its own with two grids, where every number is known in advance: a month of
/// work, then the clock moves three months on and a little more work comes — so the same dashboard shows the period, 环比
/// (the month three months before), 同比 (nothing a year before), an order resolved after its period ended, a reopened
/// order, and a period with no rated order.
/// </summary>
public abstract class DashboardApiTests(ClockApp app)
{
    [Fact]
    public async Task The_dashboard_holds_the_known_figures_of_a_hand_made_village()
    {
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var village = await dinghai.Create("/api/organizations", new { name = WriteApiHelpers.Unique("看板村"), kind = "Village", parentId = await dinghai.OrgId("长白乡") });
        var east = await dinghai.Create("/api/organizations", new { name = WriteApiHelpers.Unique("东网格"), kind = "Grid", parentId = village });
        var west = await dinghai.Create("/api/organizations", new { name = WriteApiHelpers.Unique("西网格"), kind = "Grid", parentId = village });
        var branch = await dinghai.OrgId("三龙村党支部");
        var categories = await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories");
        var repair = categories.Single(c => c.Code == "repair").Id;
        var legal = categories.Single(c => c.Code == "legal").Id;
        using var requester = app.CreateClient();

        async Task<SubmittedDto> Submit(HttpClient client, Guid category, Guid place) =>
            await (await client.PostJson("/api/work-orders", new { categoryId = category, description = "看板测试", placeOrganizationId = place })).Read<SubmittedDto>();
        Task Act(HttpClient c, long id, string action, object? body = null) => c.PostJson($"/api/work-orders/{id}/{action}", body ?? new { }).Ok();
        async Task Claim(HttpClient admin, HttpClient member, long id)
        {
            await Act(admin, id, "dispatch", new { organizationId = branch });
            await Act(member, id, "claim");
        }

        // Month 0. East: A resolved and rated 5, B resolved and never rated, C claimed (resolved 40 days later, late), D rejected.
        // West: E resolved, rated 2, and reopened by the requester (so neither resolved nor rated now).
        var month0 = ChinaClock.Today(app.Clock);
        var a = await Submit(dinghai, repair, east);
        var b = await Submit(dinghai, repair, east);
        var c = await Submit(dinghai, legal, east);
        var d = await Submit(dinghai, repair, east);
        var e = await Submit(dinghai, repair, west);
        foreach (var id in new[] { a.Id, b.Id, c.Id, e.Id }) await Claim(dinghai, sanlong, id);
        foreach (var id in new[] { a.Id, b.Id, e.Id }) await Act(sanlong, id, "resolve", new { note = "办好了" });
        await requester.PostJson($"/api/tracking/{a.TrackingToken}/rate", new { rating = 5 }).Ok();
        await requester.PostJson($"/api/tracking/{e.TrackingToken}/rate", new { rating = 2 }).Ok();
        await requester.PostJson($"/api/tracking/{e.TrackingToken}/reopen", new { note = "没修好，请重修" }).Ok();
        await Act(dinghai, d.Id, "reject", new { note = "重复" });

        // 40 days on, C is resolved: past its deadline, and after the end of its month — it still counts in month 0.
        app.Clock.Advance(TimeSpan.FromDays(40));
        sanlong = await app.LoginAs("sanlong");
        await Act(sanlong, c.Id, "resolve", new { note = "已解答" });

        // Three months after month 0: F (east) resolved and not rated — a period with no rated order.
        var month3 = new DateOnly(month0.Year, month0.Month, 1).AddMonths(3);
        app.Clock.AdvanceTo(new DateTimeOffset(month3.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)));
        dinghai = await app.LoginAs("dinghai");
        sanlong = await app.LoginAs("sanlong");
        var f = await Submit(dinghai, repair, east);
        await Claim(dinghai, sanlong, f.Id);
        await Act(sanlong, f.Id, "resolve", new { note = "办好了" });

        var monthEnd = month3.AddMonths(1).AddDays(-1);
        var dash = await dinghai.GetJson<DashboardDto>($"/api/statistics/dashboard?organizationId={village}&from={month3:yyyy-MM-dd}&to={monthEnd:yyyy-MM-dd}");

        // The period: F only. No rated order: 满意率 is empty, not 0.
        Assert.Equal((1, 1, 1, 1, 0), (dash.Current.Received, dash.Current.Valid, dash.Current.Responded, dash.Current.Resolved, dash.Current.Rated));
        Assert.Null(dash.Current.SatisfactionRate);
        Assert.Equal(1.0, dash.Current.ResolutionRate);

        // 环比 = the whole of month 0: A–E. Valid 4 (D rejected); responded 4; resolved A, B, C (E reopened); rated A only
        // (reopening cleared E's 2); on time A, B (C was resolved 40 days late).
        var q = dash.LastQuarter;
        Assert.Equal(new DateOnly(month0.Year, month0.Month, 1), q.From);
        Assert.Equal((5, 1, 0, 4), (q.Received, q.Rejected, q.Withdrawn, q.Valid));
        Assert.Equal((4, 3, 1, 1, 2), (q.Responded, q.Resolved, q.Rated, q.Satisfied, q.ResolvedOnTime));
        Assert.Equal((1.0, 0.75, 1.0, 0.6667), (q.ResponseRate!.Value, q.ResolutionRate!.Value, q.SatisfactionRate!.Value, q.OnTimeRate!.Value));
        // E, reopened in month 0 and never redone, is past the deadline its reopening set: open and overdue now.
        Assert.Equal(1, q.OpenOverdue);
        Assert.Equal(0, dash.Current.OpenOverdue);
        Assert.Equal(e.Id, Assert.Single(dash.Overdue).Id);

        // 同比: nothing a year before.
        Assert.Equal(0, dash.LastYear.Received);
        Assert.Null(dash.LastYear.ResolutionRate);

        // Ranking: east (F: 1 of 1 resolved) before west (no valid order in the period).
        Assert.Equal(2, dash.SubOrganizations.Count);
        Assert.Equal((1, east), (dash.SubOrganizations[0].Rank, dash.SubOrganizations[0].Stats.OrganizationId!.Value));
        Assert.Equal(west, dash.SubOrganizations[1].Stats.OrganizationId);
        Assert.Equal(0, dash.SubOrganizations[1].Stats.Valid);

        // The trend: one month, beside the same month a year before.
        var month = Assert.Single(dash.Trend);
        Assert.Equal((month3.Year, month3.Month, 1, 1, 0), (month.Year, month.Month, month.Valid, month.Resolved, month.LastYearValid));
        Assert.Equal(repair, Assert.Single(dash.BusiestCategories).CategoryId);

        // Month 0 on its own, per grid: west's only valid order (E) is reopened — open, so resolution 0 of 1.
        var m0 = await dinghai.GetJson<DashboardDto>(
            $"/api/statistics/dashboard?organizationId={village}&from={new DateOnly(month0.Year, month0.Month, 1):yyyy-MM-dd}&to={new DateOnly(month0.Year, month0.Month, 1).AddMonths(1).AddDays(-1):yyyy-MM-dd}");
        var westFigures = m0.SubOrganizations.Single(s => s.Stats.OrganizationId == west).Stats;
        Assert.Equal((1, 1, 0, 0, 0.0), (westFigures.Valid, westFigures.Responded, westFigures.Resolved, westFigures.Rated, westFigures.ResolutionRate!.Value));
        Assert.Equal(1, westFigures.OpenOverdue);
        Assert.Equal(east, m0.SubOrganizations[0].Stats.OrganizationId);
        Assert.Equal(4, m0.Trend.Sum(t => t.Valid));
        Assert.Equal(4, m0.Current.Valid);

        // Every table in the workbook, with the same figures.
        var workbook = await dinghai.GetAsync($"/api/statistics/dashboard/export?organizationId={village}&from={month3:yyyy-MM-dd}&to={monthEnd:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        await using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        Assert.Equal(["指标汇总", "月度趋势", "下级组织排名", "服务类别", "服务类型", "超时在办"], stream.GetSheetNames());
        var summary = stream.Query(useHeaderRow: true, sheetName: "指标汇总").Cast<IDictionary<string, object?>>().ToList();
        var resolution = summary.Single(r => (string?)r["指标"] == "解决率");
        Assert.Equal(100.0, Convert.ToDouble(resolution["本期"]));
        Assert.Equal(75.0, Convert.ToDouble(resolution["上季度同期"]));
        Assert.Equal(25.0, Convert.ToDouble(resolution["环比增减"]));
        var ranking = stream.Query(useHeaderRow: true, sheetName: "下级组织排名").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, ranking.Count);
        Assert.Equal(1.0, Convert.ToDouble(ranking[0]["排名"]));
    }

    [Fact]
    public async Task The_dashboard_keeps_to_the_data_scope_and_rejects_bad_periods()
    {
        var putuo = await app.LoginAs("putuo");
        var dinghai = await app.LoginAs("dinghai");
        var dinghaiId = await dinghai.OrgId("定海区");
        await (await putuo.GetAsync($"/api/statistics/dashboard?organizationId={dinghaiId}")).AssertProblem(HttpStatusCode.NotFound, "organization.not_found");
        await (await putuo.GetAsync($"/api/statistics/dashboard/export?organizationId={dinghaiId}")).AssertProblem(HttpStatusCode.NotFound, "organization.not_found");
        await (await dinghai.GetAsync("/api/statistics/dashboard?from=2026-05-01&to=2026-01-01")).AssertProblem(HttpStatusCode.BadRequest, "stats.bad_period");
        await (await dinghai.GetAsync("/api/statistics/dashboard?from=2020-01-01&to=2026-01-01")).AssertProblem(HttpStatusCode.BadRequest, "stats.period_too_long");
        Assert.Equal(HttpStatusCode.BadRequest, (await dinghai.GetAsync("/api/statistics/dashboard?from=2026-13-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.LoginAs("dangyuan")).GetAsync("/api/statistics/dashboard")).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/statistics/dashboard")).StatusCode);

        // A county admin's own scope: 定海区's figures and its towns, never 普陀区's.
        var own = await dinghai.GetJson<DashboardDto>("/api/statistics/dashboard");
        var county = await dinghai.GetJson<DashboardDto>($"/api/statistics/dashboard?organizationId={dinghaiId}");
        Assert.Equal(county.Current.Received, own.Current.Received);
        Assert.DoesNotContain(own.SubOrganizations, s => s.Stats.OrganizationName == "普陀区");
        Assert.All(own.SubOrganizations, s => Assert.NotEqual("定海区", s.Stats.OrganizationName));

        // A system admin over two trees: the figures of both roots added up, and the roots ranked side by side.
        var admin = await app.LoginAs("admin");
        var zhoushan = await admin.OrgId("舟山市");
        var other = await admin.Create("/api/organizations", new { name = WriteApiHelpers.Unique("另一市"), kind = "City" });
        var category = (await admin.GetJson<List<CategoryDto>>("/api/work-order-categories")).First().Id;
        await admin.PostJson("/api/work-orders", new { categoryId = category, description = "另一棵树上的工单", placeOrganizationId = other }).Ok();
        var all = await admin.GetJson<DashboardDto>("/api/statistics/dashboard");
        var city = await admin.GetJson<DashboardDto>($"/api/statistics/dashboard?organizationId={zhoushan}");
        Assert.Equal(city.Current.Received + 1, all.Current.Received);
        Assert.Equal(city.Current.Valid + 1, all.Current.Valid);
        Assert.Contains(all.SubOrganizations, s => s.Stats.OrganizationId == other && s.Stats.Received == 1);
        Assert.Contains(all.SubOrganizations, s => s.Stats.OrganizationId == zhoushan && s.Stats.Received == city.Current.Received);
    }
}

[Collection(SqliteClockCollection.Name)]
public sealed class DashboardApiTests_Sqlite(SqliteClockApp app) : DashboardApiTests(app);

[Collection(PostgresClockCollection.Name)]
public sealed class DashboardApiTests_Postgres(PostgresClockApp app) : DashboardApiTests(app);
