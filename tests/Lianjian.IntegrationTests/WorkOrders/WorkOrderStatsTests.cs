using System.Net;
using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianjian.IntegrationTests.WorkOrders;

public sealed record KindCountDto(string Kind, string Label, int Count);

public sealed record StatsDto(int Received, int Rejected, int Withdrawn, int Valid, int Responded, int Resolved, int Rated, int Satisfied, int ResolvedOnTime, int OpenOverdue,
    double? ResponseRate, double? ResolutionRate, double? SatisfactionRate, double? AverageResponseHours, double? OnTimeRate, List<KindCountDto> ByKind)
{
    public Guid? OrganizationId { get; init; }

    public string OrganizationName { get; init; } = "";

    public DateOnly From { get; init; }

    public DateOnly To { get; init; }
}

/// <summary>docs/kpis.md on a village of its own, where every number is known in advance.</summary>
public abstract class WorkOrderStatsTests(LianjianFactory app)
{
    [Fact]
    public async Task The_figures_follow_the_documented_formulas()
    {
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var village = await dinghai.Create("/api/organizations", new { name = WriteApiHelpers.Unique("统计村"), kind = "Village", parentId = await dinghai.OrgId("长白乡") });
        var branch = await dinghai.OrgId("三龙村党支部");
        var categories = await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories");
        var repair = categories.Single(c => c.Code == "repair").Id;
        var legal = categories.Single(c => c.Code == "legal").Id;

        var tokens = new Dictionary<long, string>();
        async Task<long> Submit(Guid category)
        {
            var submitted = await (await dinghai.PostJson("/api/work-orders", new { categoryId = category, description = "统计测试", placeOrganizationId = village })).Read<SubmittedDto>();
            tokens[submitted.Id] = submitted.TrackingToken;
            return submitted.Id;
        }

        Task Act(HttpClient c, long id, string action, object? body = null) => c.PostJson($"/api/work-orders/{id}/{action}", body ?? new { }).Ok();

        var empty = await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={village}");
        Assert.Equal(0, empty.Received);
        Assert.Null(empty.ResponseRate);
        Assert.Null(empty.SatisfactionRate);

        var a = await Submit(repair);
        var b = await Submit(repair);
        var c = await Submit(legal);
        var d = await Submit(repair);
        var e = await Submit(repair);
        foreach (var id in new[] { a, b, c }) { await Act(dinghai, id, "dispatch", new { organizationId = branch }); await Act(sanlong, id, "claim"); }
        await Act(sanlong, a, "resolve", new { note = "修好" });
        await Act(sanlong, b, "resolve", new { note = "修好" });
        using var requester = app.CreateClient();
        await requester.PostJson($"/api/tracking/{tokens[a]}/rate", new { rating = 5 }).Ok();
        await Act(dinghai, b, "follow-up", new { rating = 3, comment = "一般" });
        await Act(dinghai, d, "reject", new { note = "重复" });
        await Act(dinghai, e, "withdraw", new { note = "不需要了" });

        var stats = await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={village}");
        Assert.Equal(5, stats.Received);
        Assert.Equal(1, stats.Rejected);
        Assert.Equal(1, stats.Withdrawn);
        Assert.Equal(3, stats.Valid);
        Assert.Equal(3, stats.Responded);
        Assert.Equal(1.0, stats.ResponseRate);
        Assert.Equal(2, stats.Resolved);
        Assert.Equal(0.6667, stats.ResolutionRate);
        Assert.Equal(2, stats.Rated);
        Assert.Equal(1, stats.Satisfied);
        Assert.Equal(0.5, stats.SatisfactionRate);
        Assert.Equal(2, stats.ResolvedOnTime);
        Assert.Equal(1.0, stats.OnTimeRate);
        Assert.Equal(0, stats.OpenOverdue);
        Assert.NotNull(stats.AverageResponseHours);
        Assert.InRange(stats.AverageResponseHours!.Value, 0, 0.1);
        Assert.Equal(1, stats.ByKind.Single(k => k.Kind == "ProfessionalService").Count);
        Assert.Equal(2, stats.ByKind.Single(k => k.Kind == "ConvenienceItem").Count);

        // 超时在办: C (claimed, still open) past its deadline counts in a period holding its submission day, not in another.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var past = DateTime.UtcNow.AddHours(-1);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().WorkOrders.Where(o => o.Id == c)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ResolutionDeadline, past).SetProperty(o => o.DueAt, past));
            // A write around SaveChanges: the statistics' shared copy of the open deadlines must hear of it.
            scope.ServiceProvider.GetRequiredService<Lianjian.Web.Modules.WorkOrders.OpenDeadlines>().Invalidate();
        }

        Assert.Equal(1, (await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={village}")).OpenOverdue);
        Assert.Equal(0, (await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={village}&from=2020-01-01&to=2020-12-31")).OpenOverdue);
        await Act(sanlong, c, "resolve", new { note = "已解答" });
        Assert.Equal(0, (await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={village}")).OpenOverdue);

        // A period without the orders, another subtree, bad periods.
        var lastYear = await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={village}&from=2020-01-01&to=2020-12-31");
        Assert.Equal(0, lastYear.Received);
        var putuo = await app.LoginAs("putuo");
        await (await putuo.GetAsync($"/api/work-orders/stats?organizationId={village}")).AssertProblem(HttpStatusCode.NotFound);
        await (await dinghai.GetAsync($"/api/work-orders/stats?organizationId={village}&from=2026-05-01&to=2026-01-01")).AssertProblem(HttpStatusCode.BadRequest, "stats.bad_period");
        await (await dinghai.GetAsync("/api/work-orders/stats?from=2020-01-01&to=2026-01-01")).AssertProblem(HttpStatusCode.BadRequest, "stats.period_too_long");
        var member = await app.LoginAs("dangyuan");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/work-orders/stats")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkOrderStatsTests_Sqlite(SqliteApp app) : WorkOrderStatsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkOrderStatsTests_Postgres(PostgresApp app) : WorkOrderStatsTests(app);
