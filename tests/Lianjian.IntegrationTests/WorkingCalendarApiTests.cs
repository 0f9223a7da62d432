using System.Net;
using System.Text;
using System.Text.Json;
using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lianjian.IntegrationTests.Infrastructure.WriteApiHelpers;

namespace Lianjian.IntegrationTests;

public sealed record CalendarDayDto(DateOnly Date, string Kind, string Name);

public sealed record CalendarYearDto(int Year, bool HasSchedule, string? Source, DateTime? EnteredAt, string? EnteredByName, List<CalendarDayDto> Days);

public sealed record CalendarYearStatusDto(int Year, bool HasSchedule);

public sealed record CalendarStatusDto(DateOnly Today, List<CalendarYearStatusDto> Years, List<string> Warnings);

public sealed record DeadlinePreviewDto(DateTime StartUtc, string Limit, DateTime DeadlineUtc, List<int> UnscheduledYears);

/// <summary>
/// The working calendar as data: the 2026 schedule ships with the database, admins enter other years, everyone signed
/// in reads it, and deadlines see a change at once. Each test uses its own far-off year, so nothing here disturbs 2026.
/// </summary>
public abstract class WorkingCalendarApiTests(LianjianFactory app)
{
    private static object Day(string date, string kind, string name) => new { date, kind, name };

    private static object Schedule(int year, params object[] days) => new { source = $"国务院办公厅关于{year}年部分节假日安排的通知（{year - 1}年11月1日）", days };

    private static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    private static string China(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM-dd HH:mm");

    [Fact]
    public async Task Year2026_ShipsWithTheDatabase_AsTheStateCouncilPublishedIt()
    {
        var member = await app.LoginAs("dangyuan");
        var year = await member.GetJson<CalendarYearDto>("/api/calendar/2026");

        Assert.True(year.HasSchedule);
        Assert.Equal("国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）", year.Source);
        Assert.Equal(39, year.Days.Count);
        Assert.Equal(33, year.Days.Count(d => d.Kind == "Holiday"));
        Assert.Equal(9, year.Days.Count(d => d.Name == "春节"));
        Assert.Equal(new CalendarDayDto(new DateOnly(2026, 2, 14), "Workday", "春节调休上班"), year.Days.Single(d => d.Date == new DateOnly(2026, 2, 14)));
        Assert.Equal(new CalendarDayDto(new DateOnly(2026, 2, 15), "Holiday", "春节"), year.Days.Single(d => d.Date == new DateOnly(2026, 2, 15)));
        Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
            year.Days.Where(d => d.Kind == "Workday").Select(d => d.Date.ToString("yyyy-MM-dd")));

        var preview = await member.GetJson<DeadlinePreviewDto>("/api/calendar/deadline?from=2026-02-13T10:00:00&amount=2&unit=WorkingDays");
        Assert.Equal(("2026-02-24 10:00", "2个工作日"), (China(preview.DeadlineUtc), preview.Limit));
        Assert.Empty(preview.UnscheduledYears);

        var unentered = await member.GetJson<CalendarYearDto>("/api/calendar/2035");
        Assert.False(unentered.HasSchedule);
        Assert.Empty(unentered.Days);

        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/api/calendar/2026")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Admin_EntersAYear_ThenCorrectsIt_AndTheAuditLogKeepsEachDate()
    {
        var admin = await app.LoginAs("admin");
        await admin.PutJson("/api/calendar/2031", Schedule(2031,
            Day("2031-01-01", "Holiday", "元旦"),
            Day("2031-01-02", "Holiday", "元旦"),
            Day("2031-01-04", "Workday", "元旦调休上班"))).Ok();

        var entered = await admin.GetJson<CalendarYearDto>("/api/calendar/2031");
        Assert.True(entered.HasSchedule);
        Assert.Equal("admin", entered.EnteredByName);
        Assert.Equal(["2031-01-01 Holiday 元旦", "2031-01-02 Holiday 元旦", "2031-01-04 Workday 元旦调休上班"],
            entered.Days.Select(d => $"{d.Date:yyyy-MM-dd} {d.Kind} {d.Name}"));

        // A committee admin corrects it: 1-2 dropped, 1-1 renamed, 1-3 added. The year becomes exactly the new list.
        var gongwei = await app.LoginAs("gongwei");
        await gongwei.PutJson("/api/calendar/2031", new
        {
            source = "  国务院办公厅关于2031年部分节假日安排的通知（2030年11月2日）  ",
            days = new[] { Day("2031-01-03", "Holiday", "元旦"), Day("2031-01-01", "Holiday", " 元旦节 "), Day("2031-01-04", "Workday", "元旦调休上班") },
        }).Ok();
        var corrected = await gongwei.GetJson<CalendarYearDto>("/api/calendar/2031");
        Assert.Equal("国务院办公厅关于2031年部分节假日安排的通知（2030年11月2日）", corrected.Source);
        Assert.Equal("gongwei", corrected.EnteredByName);
        Assert.Equal(["2031-01-01 元旦节", "2031-01-03 元旦", "2031-01-04 元旦调休上班"], corrected.Days.Select(d => $"{d.Date:yyyy-MM-dd} {d.Name}"));

        // The audit log (the system admin's, as the calendar belongs to no organization) names each changed date.
        async Task<(string Before, string After)> Change(string entityType, string id, string action, string property)
        {
            var entries = await admin.GetJson<PageDto<AuditRowDto>>($"/api/audit?entityType={entityType}&entityId={id}&action={action}");
            var pair = JsonDocument.Parse(Assert.Single(entries.Items).Changes).RootElement.GetProperty(property);
            return (pair[0].ToString(), pair[1].ToString());
        }

        Assert.Equal(("元旦", "元旦节"), await Change("CalendarDay", "2031-01-01", "Updated", "Name"));
        Assert.Equal(("元旦", ""), await Change("CalendarDay", "2031-01-02", "Deleted", "Name"));
        Assert.Equal(("", "元旦"), await Change("CalendarDay", "2031-01-03", "Created", "Name"));
        Assert.Equal(("admin", "gongwei"), await Change("CalendarYear", "2031", "Updated", "EnteredByName"));
        Assert.Empty((await admin.GetJson<PageDto<AuditRowDto>>("/api/audit?entityType=CalendarDay&entityId=2031-01-04&action=Updated")).Items);
    }

    [Fact]
    public async Task BadInput_Answers400_WithAChineseReason_AndWritesNothing()
    {
        var admin = await app.LoginAs("admin");

        // 2034-01-03 is a Tuesday: 调休 only ever moves a weekend day.
        var tuesday = await (await admin.PutJson("/api/calendar/2034", Schedule(2034, Day("2034-01-03", "Workday", "元旦调休上班"))))
            .AssertProblem(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("2034-01-03是周二，调休上班日只能是周六或周日", tuesday.GetProperty("detail").GetString());
        Assert.True(tuesday.GetProperty("errors").TryGetProperty("Days[0].Kind", out _));

        var outside = await (await admin.PutJson("/api/calendar/2034", Schedule(2034, Day("2035-01-01", "Holiday", "元旦"))))
            .AssertProblem(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("2035-01-01不在2034年内", outside.GetProperty("detail").GetString());

        var nameless = await (await admin.PutJson("/api/calendar/2034", Schedule(2034, Day("2034-01-02", "Holiday", ""))))
            .AssertProblem(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("请填写节日名称", nameless.GetProperty("detail").GetString());

        var twice = await (await admin.PutJson("/api/calendar/2034", Schedule(2034, Day("2034-01-02", "Holiday", "元旦"), Day("2034-01-02", "Holiday", "元旦"))))
            .AssertProblem(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("重复录入", twice.GetProperty("detail").GetString());

        var sourceless = await (await admin.PutJson("/api/calendar/2034", new { days = new[] { Day("2034-01-02", "Holiday", "元旦") } }))
            .AssertProblem(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("通知名称和日期不能为空", sourceless.GetProperty("detail").GetString());

        await (await admin.PutAsync("/api/calendar/2034", Json("{\"source\": \"通知\", \"days\": ["))).AssertProblem(HttpStatusCode.BadRequest, "request.malformed_json");
        await (await admin.PutAsync("/api/calendar/2034", Json("{\"source\": \"通知\", \"days\": [{\"date\": \"1月2日\", \"kind\": \"Holiday\", \"name\": \"元旦\"}]}")))
            .AssertProblem(HttpStatusCode.BadRequest, "request.malformed_json");
        await (await admin.PutAsync("/api/calendar/2034", Json("{\"source\": \"通知\", \"days\": [{\"date\": \"2034-01-02\", \"kind\": \"Rest\", \"name\": \"元旦\"}]}")))
            .AssertProblem(HttpStatusCode.BadRequest, "request.malformed_json");
        await (await admin.PutAsync("/api/calendar/2034", Json("{\"source\": \"通知\", \"days\": [{\"date\": \"2034-01-02\", \"kind\": 0, \"name\": \"元旦\"}]}")))
            .AssertProblem(HttpStatusCode.BadRequest, "request.malformed_json");
        await (await admin.PutAsync("/api/calendar/2034", Json(""))).AssertProblem(HttpStatusCode.BadRequest);

        await (await admin.PutJson("/api/calendar/1800", Schedule(1800, Day("1800-01-01", "Holiday", "元旦")))).AssertProblem(HttpStatusCode.BadRequest, "calendar.year_out_of_range");
        await (await admin.GetAsync("/api/calendar/99999")).AssertProblem(HttpStatusCode.BadRequest, "calendar.year_out_of_range");
        await (await admin.GetAsync("/api/calendar/deadline?from=明天&amount=1&unit=WorkingDays")).AssertProblem(HttpStatusCode.BadRequest, "validation");
        await (await admin.GetAsync("/api/calendar/deadline?from=2034-01-02T09:00:00&amount=0&unit=WorkingDays")).AssertProblem(HttpStatusCode.BadRequest, "validation");
        await (await admin.GetAsync("/api/calendar/deadline?from=2034-01-02T09:00:00&amount=1&unit=Weeks")).AssertProblem(HttpStatusCode.BadRequest);

        Assert.False((await admin.GetJson<CalendarYearDto>("/api/calendar/2034")).HasSchedule);
    }

    [Fact]
    public async Task OnlySystemAndCommitteeAdmins_ChangeTheCalendar()
    {
        var body = Schedule(2036, Day("2036-01-01", "Holiday", "元旦"));
        var dinghai = await app.LoginAs("dinghai");
        await (await dinghai.PutJson("/api/calendar/2036", body)).AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await dinghai.DeleteAsync("/api/calendar/2026")).AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        var member = await app.LoginAs("dangyuan");
        await (await member.PutJson("/api/calendar/2036", body)).AssertProblem(HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        await (await anonymous.PutAsync("/api/calendar/2036", Json("{}"))).AssertProblem(HttpStatusCode.Unauthorized);

        // Reading stays open to them, and nothing was written.
        Assert.False((await dinghai.GetJson<CalendarYearDto>("/api/calendar/2036")).HasSchedule);
        Assert.True((await dinghai.GetJson<CalendarYearDto>("/api/calendar/2026")).HasSchedule);
    }

    [Fact]
    public async Task Deadlines_SeeAChange_AtOnce()
    {
        var admin = await app.LoginAs("admin");
        const string url = "/api/calendar/deadline?from=2032-01-02T10:00:00&amount=1&unit=WorkingDays";

        // 2032 unscheduled: Friday 1-2 plus one working day is Monday 1-5, and the preview says the year is not entered.
        var before = await admin.GetJson<DeadlinePreviewDto>(url);
        Assert.Equal("2032-01-05 10:00", China(before.DeadlineUtc));
        Assert.Equal([2032], before.UnscheduledYears);

        await admin.PutJson("/api/calendar/2032", Schedule(2032, Day("2032-01-05", "Holiday", "测试假日"))).Ok();
        var after = await admin.GetJson<DeadlinePreviewDto>(url);
        Assert.Equal("2032-01-06 10:00", China(after.DeadlineUtc));
        Assert.Empty(after.UnscheduledYears);

        await admin.DeleteAsync("/api/calendar/2032").Ok();
        var deleted = await admin.GetJson<DeadlinePreviewDto>(url);
        Assert.Equal("2032-01-05 10:00", China(deleted.DeadlineUtc));
        Assert.Equal([2032], deleted.UnscheduledYears);
        Assert.False((await admin.GetJson<CalendarYearDto>("/api/calendar/2032")).HasSchedule);

        await (await admin.DeleteAsync("/api/calendar/2032")).AssertProblem(HttpStatusCode.NotFound, "calendar.year_not_entered");
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task AnotherNodesChange_IsSeen_WithinFiveMinutes()
    {
        // A second app node: its own calendar source over the same database, on a clock the test moves.
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var otherNode = new WorkingCalendarSource(app.Services.GetRequiredService<IServiceScopeFactory>(), clock);
        Assert.False((await otherNode.GetAsync()).HasSchedule(2039));

        // This node enters 2039 through the API; the other node still serves what it built …
        var admin = await app.LoginAs("admin");
        await admin.PutJson("/api/calendar/2039", Schedule(2039, Day("2039-01-03", "Holiday", "测试假日"))).Ok();
        clock.Now += WorkingCalendarSource.MaxAge - TimeSpan.FromSeconds(1);
        Assert.False((await otherNode.GetAsync()).HasSchedule(2039));

        // … until its calendar expires.
        clock.Now += TimeSpan.FromSeconds(2);
        var rebuilt = await otherNode.GetAsync();
        Assert.True(rebuilt.HasSchedule(2039));
        Assert.False(rebuilt.IsWorkingDay(new DateOnly(2039, 1, 3)));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("测试假日", (await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2039, 1, 3))).Name);
    }

    [Fact]
    public async Task Status_ListsLastThisAndNextYear_AndWarnsOnlyAboutMissingOnes()
    {
        var member = await app.LoginAs("wangge");
        var status = await member.GetJson<CalendarStatusDto>("/api/calendar/status");
        Assert.Equal(ChinaToday, status.Today);
        Assert.Equal([ChinaToday.Year - 1, ChinaToday.Year, ChinaToday.Year + 1], status.Years.Select(y => y.Year));
        Assert.Equal(ChinaToday.Year == 2026, status.Years.Single(y => y.Year == ChinaToday.Year).HasSchedule);
        Assert.All(status.Warnings, w => Assert.EndsWith("年的法定节假日安排尚未录入，期限按周一至周五计算，请在国务院通知发布后录入。", w));
        var missing = status.Years.Where(y => !y.HasSchedule && (y.Year == ChinaToday.Year || (y.Year == ChinaToday.Year + 1 && ChinaToday.Month == 12))).Select(y => $"{y.Year}年");
        Assert.Equal(missing, status.Warnings.Select(w => w[..5]));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkingCalendarApiTests_Sqlite(SqliteApp app) : WorkingCalendarApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkingCalendarApiTests_Postgres(PostgresApp app) : WorkingCalendarApiTests(app);
