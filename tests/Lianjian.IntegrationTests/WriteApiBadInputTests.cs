using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Lianjian.IntegrationTests.Infrastructure;
using static Lianjian.IntegrationTests.Infrastructure.WriteApiHelpers;

namespace Lianjian.IntegrationTests;

/// <summary>
/// Hostile and careless input on the alliance and people-record endpoints: malformed JSON, wrong types, wrong enum
/// values, overlong text, unknown ids. Each answers 400/404/415 ProblemDetails with a stable code and a Chinese
/// detail; none is a 500, and none writes anything.
/// </summary>
public abstract class WriteApiBadInputTests(LianjianFactory app)
{
    public sealed record Context(Guid Alliance, Guid Agreement, Guid Meeting, Guid Person, Guid Village, Guid Lead);

    private sealed record Case(HttpMethod Method, Func<Context, string> Url, Func<Context, HttpContent?> Content, HttpStatusCode Status, string? Code);

    private static readonly ConcurrentDictionary<LianjianFactory, Lazy<Task<Context>>> Contexts = new();

    private Task<Context> GetContext() => Contexts.GetOrAdd(app, a => new Lazy<Task<Context>>(async () =>
    {
        var client = await a.LoginAs("dinghai");
        var lead = await client.OrgId("定海区机关事务管理中心党支部");
        var alliance = await client.Create("/api/alliances", new { name = Unique("坏输入联建"), kind = "Other", leadOrganizationId = lead });
        var agreement = await client.Create($"/api/alliances/{alliance}/agreements", new { title = "协议", negotiationStartedOn = ChinaToday });
        var meeting = await client.Create($"/api/alliances/{alliance}/meetings", new { heldAt = "2026-05-15T09:30:00", place = "会议室", topic = "会议" });
        var person = await client.Create("/api/people", new { name = Unique("坏输入干部"), kind = "StationedCadre", organizationId = lead, memberStatus = "Formal", isInService = true });
        return new Context(alliance, agreement, meeting, person, await client.OrgId("长白岛三龙村"), lead);
    })).Value;

    private static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    private static HttpContent Body(object value) => Json(System.Text.Json.JsonSerializer.Serialize(value, ApiExtensions.Json));

    private static readonly string Long = new('长', 20001);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // malformed JSON and wrong types
        ["alliance: truncated JSON"] = new(HttpMethod.Post, _ => "/api/alliances", _ => Json("{\"name\": "), HttpStatusCode.BadRequest, "request.malformed_json"),
        ["alliance: name is a number"] = new(HttpMethod.Post, _ => "/api/alliances", c => Json($"{{\"name\": 5, \"kind\": \"Other\", \"leadOrganizationId\": \"{c.Lead}\"}}"), HttpStatusCode.BadRequest, "request.malformed_json"),
        ["alliance: no body"] = new(HttpMethod.Post, _ => "/api/alliances", _ => null, HttpStatusCode.BadRequest, null),
        ["alliance: body is null"] = new(HttpMethod.Post, _ => "/api/alliances", _ => Json("null"), HttpStatusCode.BadRequest, null),
        ["alliance: not JSON at all"] = new(HttpMethod.Post, _ => "/api/alliances", _ => new StringContent("name=联建", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType, null),
        ["meeting: heldAt is not a time"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/meetings", _ => Json("{\"heldAt\": \"昨天\", \"place\": \"会议室\", \"topic\": \"会议\"}"), HttpStatusCode.BadRequest, "request.malformed_json"),
        ["meeting: attendees is a string"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/meetings", _ => Json("{\"heldAt\": \"2026-05-15T09:30:00\", \"place\": \"会议室\", \"topic\": \"会议\", \"attendees\": \"甲\"}"), HttpStatusCode.BadRequest, "request.malformed_json"),
        ["period: startsOn is a number"] = new(HttpMethod.Post, c => $"/api/people/{c.Person}/stationed-periods", c => Json($"{{\"villageId\": \"{c.Village}\", \"kind\": \"OnSite\", \"startsOn\": 20260301}}"), HttpStatusCode.BadRequest, "request.malformed_json"),
        ["registration: communityId is not a guid"] = new(HttpMethod.Post, c => $"/api/people/{c.Person}/community-registrations", _ => Json("{\"communityId\": \"东海社区\"}"), HttpStatusCode.BadRequest, "request.malformed_json"),
        ["sign: date is not a date"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/agreements/{c.Agreement}/sign", _ => Json("{\"on\": \"2026-13-45\"}"), HttpStatusCode.BadRequest, "request.malformed_json"),

        // wrong enum values, by name and by number
        ["alliance: unknown kind"] = new(HttpMethod.Post, _ => "/api/alliances", c => Body(new { name = "联建", kind = "Nonsense", leadOrganizationId = c.Lead }), HttpStatusCode.BadRequest, "request.malformed_json"),
        ["alliance: numeric kind"] = new(HttpMethod.Post, _ => "/api/alliances", c => Body(new { name = "联建", kind = 99, leadOrganizationId = c.Lead }), HttpStatusCode.BadRequest, "request.malformed_json"),
        ["evaluate: unknown result"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/agreements/{c.Agreement}/evaluate", _ => Body(new { result = "Bad" }), HttpStatusCode.BadRequest, "request.malformed_json"),
        ["evaluate: numeric result"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/agreements/{c.Agreement}/evaluate", _ => Body(new { result = 7 }), HttpStatusCode.BadRequest, "request.malformed_json"),
        ["period: numeric kind"] = new(HttpMethod.Post, c => $"/api/people/{c.Person}/stationed-periods", c => Body(new { villageId = c.Village, kind = 5, startsOn = "2026-03-01" }), HttpStatusCode.BadRequest, "request.malformed_json"),

        // missing and overlong fields (lengths as in the EF configuration)
        ["alliance: name missing"] = new(HttpMethod.Post, _ => "/api/alliances", c => Body(new { kind = "Other", leadOrganizationId = c.Lead }), HttpStatusCode.BadRequest, "validation"),
        ["alliance: name 101 characters"] = new(HttpMethod.Post, _ => "/api/alliances", c => Body(new { name = new string('联', 101), kind = "Other", leadOrganizationId = c.Lead }), HttpStatusCode.BadRequest, "validation"),
        ["alliance: description 2001 characters"] = new(HttpMethod.Put, c => $"/api/alliances/{c.Alliance}", c => Body(new { name = "联建", kind = "Other", leadOrganizationId = c.Lead, description = Long[..2001] }), HttpStatusCode.BadRequest, "validation"),
        ["member: role 51 characters"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/members", c => Body(new { organizationId = c.Village, role = Long[..51] }), HttpStatusCode.BadRequest, "validation"),
        ["agreement: title 201 characters"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/agreements", _ => Body(new { title = Long[..201], negotiationStartedOn = "2026-01-01" }), HttpStatusCode.BadRequest, "validation"),
        ["agreement: terms 20001 characters"] = new(HttpMethod.Put, c => $"/api/alliances/{c.Alliance}/agreements/{c.Agreement}", _ => Body(new { title = "协议", terms = Long, negotiationStartedOn = "2026-01-01" }), HttpStatusCode.BadRequest, "validation"),
        ["agreement: valid until before negotiation"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/agreements", _ => Body(new { title = "协议", negotiationStartedOn = "2026-06-01", validUntil = "2026-01-01" }), HttpStatusCode.BadRequest, "validation"),
        ["agreement: year 9999"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/agreements", _ => Body(new { title = "协议", negotiationStartedOn = "9999-01-01" }), HttpStatusCode.BadRequest, "validation"),
        ["evaluate: remark 2001 characters"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/agreements/{c.Agreement}/evaluate", _ => Body(new { result = "Good", remark = Long[..2001] }), HttpStatusCode.BadRequest, "validation"),
        ["meeting: place 201 characters"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/meetings", _ => Body(new { heldAt = "2026-05-15T09:30:00", place = Long[..201], topic = "会议" }), HttpStatusCode.BadRequest, "validation"),
        ["meeting: minutes 20001 characters"] = new(HttpMethod.Put, c => $"/api/alliances/{c.Alliance}/meetings/{c.Meeting}", _ => Body(new { heldAt = "2026-05-15T09:30:00", place = "会议室", topic = "会议", minutes = Long }), HttpStatusCode.BadRequest, "validation"),
        ["meeting: 201 attendees"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/meetings", _ => Body(new { heldAt = "2026-05-15T09:30:00", place = "会议室", topic = "会议", attendees = Enumerable.Repeat("甲", 201) }), HttpStatusCode.BadRequest, "validation"),
        ["meeting: decision 1001 characters"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/meetings", _ => Body(new { heldAt = "2026-05-15T09:30:00", place = "会议室", topic = "会议", decisions = new[] { Long[..1001] } }), HttpStatusCode.BadRequest, "validation"),
        ["period: remark 501 characters"] = new(HttpMethod.Post, c => $"/api/people/{c.Person}/stationed-periods", c => Body(new { villageId = c.Village, kind = "OnSite", startsOn = "2026-03-01", remark = Long[..501] }), HttpStatusCode.BadRequest, "validation"),
        ["registration: post 51 characters"] = new(HttpMethod.Post, c => $"/api/people/{c.Person}/community-registrations", c => Body(new { communityId = c.Village, post = Long[..51] }), HttpStatusCode.BadRequest, "validation"),

        // unknown ids
        ["alliance: unknown id"] = new(HttpMethod.Get, _ => $"/api/alliances/{Guid.NewGuid()}", _ => null, HttpStatusCode.NotFound, "alliance.not_found"),
        ["alliance: unknown lead"] = new(HttpMethod.Post, _ => "/api/alliances", _ => Body(new { name = "联建", kind = "Other", leadOrganizationId = Guid.NewGuid() }), HttpStatusCode.NotFound, "alliance.lead_not_found"),
        ["member: unknown organization"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/members", _ => Body(new { organizationId = Guid.NewGuid() }), HttpStatusCode.NotFound, "alliance.organization_not_found"),
        ["member: remove one that is not a member"] = new(HttpMethod.Delete, c => $"/api/alliances/{c.Alliance}/members/{Guid.NewGuid()}", _ => null, HttpStatusCode.NotFound, "alliance.member_not_found"),
        ["agreement: unknown id"] = new(HttpMethod.Post, c => $"/api/alliances/{c.Alliance}/agreements/{Guid.NewGuid()}/sign", _ => null, HttpStatusCode.NotFound, "agreement.not_found"),
        ["agreement: of another alliance"] = new(HttpMethod.Get, c => $"/api/alliances/{c.Alliance}/agreements/{c.Meeting}/document", _ => null, HttpStatusCode.NotFound, "agreement.not_found"),
        ["meeting: unknown id"] = new(HttpMethod.Delete, c => $"/api/alliances/{c.Alliance}/meetings/{Guid.NewGuid()}", _ => null, HttpStatusCode.NotFound, "meeting.not_found"),
        ["person: unknown id"] = new(HttpMethod.Post, _ => $"/api/people/{Guid.NewGuid()}/stationed-periods", c => Body(new { villageId = c.Village, kind = "OnSite", startsOn = "2026-03-01" }), HttpStatusCode.NotFound, "person.not_found"),
        ["period: unknown village"] = new(HttpMethod.Post, c => $"/api/people/{c.Person}/stationed-periods", _ => Body(new { villageId = Guid.NewGuid(), kind = "OnSite", startsOn = "2026-03-01" }), HttpStatusCode.NotFound, "person.village_not_found"),
        ["period: unknown id"] = new(HttpMethod.Delete, c => $"/api/people/{c.Person}/stationed-periods/{Guid.NewGuid()}", _ => null, HttpStatusCode.NotFound, "person.stationed_period_not_found"),
        ["registration: unknown community"] = new(HttpMethod.Post, c => $"/api/people/{c.Person}/community-registrations", _ => Body(new { communityId = Guid.NewGuid() }), HttpStatusCode.NotFound, "person.community_not_found"),
        ["registration: unknown id"] = new(HttpMethod.Delete, c => $"/api/people/{c.Person}/community-registrations/{Guid.NewGuid()}", _ => null, HttpStatusCode.NotFound, "person.registration_not_found"),
        ["route: id is not a guid"] = new(HttpMethod.Post, _ => "/api/alliances/三龙村/meetings", _ => Body(new { heldAt = "2026-05-15T09:30:00", place = "会议室", topic = "会议" }), HttpStatusCode.NotFound, "not_found"),

        // uploads
        ["document: JSON instead of a form"] = new(HttpMethod.Put, c => $"/api/alliances/{c.Alliance}/agreements/{c.Agreement}/document", _ => Json("{}"), HttpStatusCode.UnsupportedMediaType, null),
        ["document: form without a file"] = new(HttpMethod.Put, c => $"/api/alliances/{c.Alliance}/agreements/{c.Agreement}/document", _ => new MultipartFormDataContent { { new StringContent("x"), "note" } }, HttpStatusCode.BadRequest, null),
    };

    public static TheoryData<string> Inputs
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Cases.Keys) data.Add(name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task BadInput_GetsChineseProblem_NeverServerError_AndWritesNothing(string input)
    {
        var context = await GetContext();
        var client = await app.LoginAs("dinghai");
        var before = await client.GetStringAsync($"/api/alliances/{context.Alliance}") + await client.GetStringAsync($"/api/people/{context.Person}");

        var @case = Cases[input];
        using var request = new HttpRequestMessage(@case.Method, @case.Url(context)) { Content = @case.Content(context) };
        var response = await client.SendAsync(request);
        await response.AssertProblem(@case.Status, @case.Code);

        Assert.Equal(before, await client.GetStringAsync($"/api/alliances/{context.Alliance}") + await client.GetStringAsync($"/api/people/{context.Person}"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WriteApiBadInputTests_Sqlite(SqliteApp app) : WriteApiBadInputTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WriteApiBadInputTests_Postgres(PostgresApp app) : WriteApiBadInputTests(app);
