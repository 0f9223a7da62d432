using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.IntegrationTests.WorkOrders;
using Lianjian.Web.Modules.Statistics.Public;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lianjian.IntegrationTests.Statistics;

/// <summary>公示 (/p) over HTTP, without signing in: figures as the stats query gives them, closed cases without personal data, 404s, bad years, the rate limit.</summary>
public abstract partial class PublicationTests(LianjianFactory app)
{
    private const string Phone = "13912345678";
    private const string IdNumber = "33090219900101123X";
    private const string RequesterName = "李海生";
    private const string Address = "东海路18号3幢201室";

    [Fact]
    public async Task An_organization_page_shows_the_stats_figures_and_only_closed_cases_without_personal_data()
    {
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var township = await dinghai.OrgId("长白乡");
        var villageName = WriteApiHelpers.Unique("公示村");
        var village = await dinghai.Create("/api/organizations", new { name = villageName, kind = "Village", parentId = township });
        var branch = await dinghai.OrgId("三龙村党支部");
        var repair = (await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories")).Single(c => c.Code == "repair").Id;

        var tokens = new Dictionary<long, string>();
        async Task<long> Submit(string description)
        {
            var submitted = await (await dinghai.PostJson("/api/work-orders", new
            {
                categoryId = repair, description, placeOrganizationId = village, address = Address, requesterName = RequesterName, requesterPhone = Phone,
            })).Read<SubmittedDto>();
            tokens[submitted.Id] = submitted.TrackingToken;
            return submitted.Id;
        }

        Task Act(HttpClient c, long id, string action, object? body = null) => c.PostJson($"/api/work-orders/{id}/{action}", body ?? new { }).Ok();
        async Task Resolve(long id, string note)
        {
            await Act(dinghai, id, "dispatch", new { organizationId = branch });
            await Act(sanlong, id, "claim");
            await Act(sanlong, id, "resolve", new { note });
        }

        var rated = await Submit($"我叫{RequesterName}，路灯坏了，电话{Phone}");
        var closed = await Submit($"码头护栏松动，身份证{IdNumber}");
        var open = await Submit("仍在办理的工单");
        var resolvedOnly = await Submit("已办结未评价的工单");
        var rejected = await Submit("重复的工单");
        var withdrawn = await Submit("撤回的工单");
        await Resolve(rated, $"已修好，回访电话{Phone}");
        await Resolve(closed, "护栏已加固");
        await Resolve(resolvedOnly, "已处理");
        using (var requester = app.CreateClient()) await requester.PostJson($"/api/tracking/{tokens[rated]}/rate", new { rating = 5 }).Ok();
        await Act(dinghai, closed, "follow-up", new { rating = 3, comment = "一般" });
        await Act(dinghai, closed, "close", new { note = "核实销号" });
        await Act(dinghai, open, "dispatch", new { organizationId = branch });
        await Act(sanlong, open, "claim");
        await Act(dinghai, rejected, "reject", new { note = "重复" });
        await Act(dinghai, withdrawn, "withdraw", new { note = "不需要了" });

        var year = WriteApiHelpers.ChinaToday.Year;
        var expected = await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={village}&from={year}-01-01&to={year}-12-31");
        var expectedLastYear = await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={village}&from={year - 1}-01-01&to={year - 1}-12-31");
        // The set above, by docs/kpis.md: 6 received, 4 valid, 3 resolved, 2 rated of which 1 satisfied.
        Assert.Equal(6, expected.Received);
        Assert.Equal(3, expected.Resolved);
        Assert.Equal(0.75, expected.ResolutionRate);
        Assert.Equal(0.5, expected.SatisfactionRate);

        using var visitor = app.CreateClient();
        var response = await visitor.GetAsync($"/p/{village}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains(villageName, html);
        Assert.Equal(expected.Received, Figure(html, "fig-received"));
        Assert.Equal(expected.Resolved, Figure(html, "fig-resolved"));
        Assert.Equal(expected.ResolutionRate, Rate(html, "fig-resolution-rate"));
        Assert.Equal(expected.SatisfactionRate, Rate(html, "fig-satisfaction-rate"));
        Assert.Equal(expectedLastYear.Received, int.Parse(Cell(html, "last-received"), CultureInfo.InvariantCulture));

        // Only 已评价 and 已销号 are cases; open, merely resolved, rejected and withdrawn orders are not.
        var cases = CaseIds().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([closed, rated], cases);
        Assert.DoesNotContain("仍在办理的工单", html);
        Assert.DoesNotContain("已办结未评价的工单", html);
        Assert.Contains("★★★★★", html);
        Assert.Contains("★★★☆☆", html);

        // Personal data: none of the requester's fields, and the numbers and name in the texts masked.
        Assert.DoesNotContain(Phone, html);
        Assert.DoesNotContain(IdNumber, html);
        Assert.DoesNotContain(RequesterName, html);
        Assert.DoesNotContain("东海路", html);
        Assert.Contains("139****5678", html);
        Assert.Contains("我叫李**", html);
        Assert.Contains("330***********123X", html);

        // The township's page: its figures are its subtree's, and the village is a child with the same figures.
        var townshipExpected = await dinghai.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={township}&from={year}-01-01&to={year}-12-31");
        var townshipHtml = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/p/{township}?year={year}"));
        Assert.Equal(townshipExpected.Received, Figure(townshipHtml, "fig-received"));
        Assert.Equal(townshipExpected.SatisfactionRate, Rate(townshipHtml, "fig-satisfaction-rate"));
        var child = Regex.Match(townshipHtml, $"data-testid=\"child\" data-id=\"{village}\".*?</li>", RegexOptions.Singleline).Value;
        Assert.Contains($"data-testid=\"child-received\">{expected.Received}<", child);
        Assert.Contains($"data-testid=\"child-resolved\">{expected.Resolved}<", child);
        Assert.Contains(villageName, child);
    }

    [Fact]
    public async Task The_front_page_shows_the_roots_figures_and_finds_organizations_by_name()
    {
        var admin = await app.LoginAs("admin");
        var dinghai = await app.LoginAs("dinghai");
        var villageName = WriteApiHelpers.Unique("查找村");
        var village = await dinghai.Create("/api/organizations", new { name = villageName, kind = "Village", parentId = await dinghai.OrgId("长白乡") });
        var city = await admin.OrgId("舟山市");
        var year = WriteApiHelpers.ChinaToday.Year;
        var expected = await admin.GetJson<StatsDto>($"/api/work-orders/stats?organizationId={city}&from={year}-01-01&to={year}-12-31");

        using var visitor = app.CreateClient();
        // The search text is new, so this page is not one cached by another test.
        var html = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/p?q={Uri.EscapeDataString(villageName)}"));
        var top = Regex.Match(html, $"data-testid=\"top\" data-id=\"{city}\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Equal(expected.Received, Figure(top, "fig-received"));
        Assert.Equal(expected.Resolved, Figure(top, "fig-resolved"));
        Assert.Equal(expected.SatisfactionRate, Rate(top, "fig-satisfaction-rate"));
        Assert.Contains("定海区", top);
        Assert.Contains($"href=\"/p/{village}\"", Regex.Match(html, "data-testid=\"search-results\".*?</section>", RegexOptions.Singleline).Value);
    }

    [Fact]
    public async Task Unknown_or_inactive_organizations_answer_a_Chinese_404_and_bad_years_a_clear_message()
    {
        var dinghai = await app.LoginAs("dinghai");
        var township = await dinghai.OrgId("长白乡");
        var goneName = WriteApiHelpers.Unique("撤并村");
        var gone = await dinghai.Create("/api/organizations", new { name = goneName, kind = "Village", parentId = township });
        await dinghai.PostJson($"/api/organizations/{gone}/deactivate", new { }).Ok();
        using var visitor = app.CreateClient();

        foreach (var url in new[] { $"/p/{Guid.NewGuid()}", $"/p/{gone}", "/p/not-an-id" })
        {
            var response = await visitor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("没有找到这个组织", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        var parent = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/p/{township}?year={WriteApiHelpers.ChinaToday.Year}&before=x"));
        Assert.DoesNotContain(goneName, parent);

        foreach (var url in new[] { "/p?year=abc", $"/p/{township}?year=20x6", $"/p/{township}?year=1999", $"/p?year={WriteApiHelpers.ChinaToday.Year + 1}", "/p?year=-2026" })
        {
            var response = await visitor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Matches("年份.*无法识别|只能查看 2000 年至", html);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task Too_many_requests_from_one_address_get_a_Chinese_429_page()
    {
        var limit = app.Services.GetRequiredService<IOptions<PublicationOptions>>().Value.PermitsPerMinute;
        var address = IPAddress.Parse($"198.51.100.{Random.Shared.Next(1, 255)}");
        Task<Microsoft.AspNetCore.Http.HttpContext> Get(IPAddress from) => app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/p";
            c.Connection.RemoteIpAddress = from;
        });

        for (var i = 0; i < limit; i++) Assert.Equal(200, (await Get(address)).Response.StatusCode);
        var refused = await Get(address);
        Assert.Equal(429, refused.Response.StatusCode);
        Assert.Equal("60", refused.Response.Headers.RetryAfter.ToString());
        using var reader = new StreamReader(refused.Response.Body);
        Assert.Contains("访问太频繁，请稍后再试", await reader.ReadToEndAsync());

        // Another address is not held back.
        Assert.Equal(200, (await Get(IPAddress.Parse("203.0.113.7"))).Response.StatusCode);
    }

    private static int Figure(string html, string testId) =>
        int.Parse(Regex.Match(html, $"data-testid=\"{testId}\" data-value=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);

    private static double? Rate(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\" data-value=\"([0-9.]*)\"");
        Assert.True(match.Success, testId);
        return match.Groups[1].Value.Length == 0 ? null : double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string Cell(string html, string testId) => Regex.Match(html, $"data-testid=\"{testId}\">([^<]*)<").Groups[1].Value;

    [GeneratedRegex("data-testid=\"case\" data-id=\"(\\d+)\"")]
    private static partial Regex CaseIds();
}

[Collection(SqliteCollection.Name)]
public sealed class PublicationTests_Sqlite(SqliteApp app) : PublicationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PublicationTests_Postgres(PostgresApp app) : PublicationTests(app);
