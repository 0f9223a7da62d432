using System.Net;
using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.IntegrationTests.WorkOrders;

namespace Lianjian.IntegrationTests.Statistics;

public sealed record ScreenPlaceDto(Guid OrganizationId, string Name, int Rank, int Received, int Resolved, double? ResolutionRate, int Descendants);

public sealed record ScreenCaseDto(string Number, string CategoryName, string PlaceName, int? Rating, string Description);

public sealed record ScreenDto(Guid? OrganizationId, string OrganizationName, StatsDto Year, StatsDto LastYear, int ReceivedToday,
    List<ScreenPlaceDto> Places, List<MonthTrendDto> Trend, List<ScreenCaseDto> LatestClosed);

/// <summary>大屏 (/api/statistics/screen): this year's figures equal the dashboard's, today's orders, the map's places, cases without personal data.</summary>
public abstract class ScreenApiTests(LianjianFactory app)
{
    [Fact]
    public async Task The_screen_shows_this_years_figures_todays_orders_and_masked_cases()
    {
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var village = await dinghai.Create("/api/organizations", new { name = WriteApiHelpers.Unique("大屏村"), kind = "Village", parentId = await dinghai.OrgId("长白乡") });
        var grid = await dinghai.Create("/api/organizations", new { name = WriteApiHelpers.Unique("大屏网格"), kind = "Grid", parentId = village });
        var category = (await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories")).Single(c => c.Code == "repair").Id;
        var submitted = await (await dinghai.PostJson("/api/work-orders", new
        {
            categoryId = category, description = "路灯不亮，我叫王大明，电话13812345678", placeOrganizationId = grid,
        })).Read<SubmittedDto>();
        await dinghai.PostJson($"/api/work-orders/{submitted.Id}/dispatch", new { organizationId = await dinghai.OrgId("三龙村党支部") }).Ok();
        await sanlong.PostJson($"/api/work-orders/{submitted.Id}/claim", new { }).Ok();
        await sanlong.PostJson($"/api/work-orders/{submitted.Id}/resolve", new { note = "换了灯泡" }).Ok();
        using var requester = app.CreateClient();
        await requester.PostJson($"/api/tracking/{submitted.TrackingToken}/rate", new { rating = 5 }).Ok();
        await dinghai.PostJson("/api/work-orders", new { categoryId = category, description = "还没办", placeOrganizationId = grid }).Ok();

        var screen = await dinghai.GetJson<ScreenDto>($"/api/statistics/screen?organizationId={village}");
        var year = DateTime.UtcNow.AddHours(8).Year;
        var dashboard = await dinghai.GetJson<DashboardDto>($"/api/statistics/dashboard?organizationId={village}&from={year}-01-01");
        Assert.Equal(dashboard.Current.Received, screen.Year.Received);
        Assert.Equal((2, 1, 1.0), (screen.Year.Received, screen.Year.Resolved, screen.Year.SatisfactionRate!.Value));
        Assert.Equal(2, screen.ReceivedToday);
        var place = Assert.Single(screen.Places);
        Assert.Equal((grid, 2, 1, 0.5, 0), (place.OrganizationId, place.Received, place.Resolved, place.ResolutionRate!.Value, place.Descendants));
        Assert.Equal(12, screen.Trend.Count);
        Assert.Equal(2, screen.Trend[^1].Valid);
        var closed = Assert.Single(screen.LatestClosed);
        Assert.Equal(5, closed.Rating);
        Assert.Contains("138****5678", closed.Description);
        Assert.DoesNotContain("13812345678", closed.Description);
        Assert.DoesNotContain("大明", closed.Description);

        // The county sees its towns on the map, with the number of organizations under each.
        var county = await dinghai.GetJson<ScreenDto>("/api/statistics/screen");
        var changbai = county.Places.Single(p => p.Name == "长白乡");
        Assert.True(changbai.Descendants >= 2, $"长白乡 has the new village and grid under it, and more: {changbai.Descendants}");

        var putuo = await app.LoginAs("putuo");
        await (await putuo.GetAsync($"/api/statistics/screen?organizationId={village}")).AssertProblem(HttpStatusCode.NotFound, "organization.not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.LoginAs("dangyuan")).GetAsync("/api/statistics/screen")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ScreenApiTests_Sqlite(SqliteApp app) : ScreenApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ScreenApiTests_Postgres(PostgresApp app) : ScreenApiTests(app);
