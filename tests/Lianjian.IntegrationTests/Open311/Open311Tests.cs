using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.IntegrationTests.WorkOrders;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianjian.IntegrationTests.Open311;

/// <summary>Open311 GeoReport v2 at /open311/v2 over real HTTP, in both formats, checked against the spec's element names.</summary>
public abstract class Open311Tests(LianjianFactory app)
{
    private const string DemoKey = "demo-open311-key-lianjian";
    private const string Village = "长白岛三龙村";
    private const string Root = "/open311/v2";

    private static async Task<XElement> Xml(HttpResponseMessage response, HttpStatusCode status, string root)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", body);
        var document = XDocument.Parse(body);
        Assert.Equal(root, document.Root!.Name.LocalName);
        Assert.Equal("", document.Root.Name.NamespaceName);
        return document.Root;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The spec's error list: errors/error with code and a (Chinese) description.</summary>
    private static async Task<List<(string Code, string Description)>> AssertErrors(HttpResponseMessage response, HttpStatusCode status, bool xml = false)
    {
        List<(string, string)> errors;
        if (xml)
        {
            var root = await Xml(response, status, "errors");
            errors = [.. root.Elements().Select(e =>
            {
                Assert.Equal("error", e.Name.LocalName);
                return (e.Element("code")!.Value, e.Element("description")!.Value);
            })];
        }
        else
        {
            var root = await Json(response, status);
            Assert.Equal(JsonValueKind.Array, root.ValueKind);
            errors = [.. root.EnumerateArray().Select(e => (e.GetProperty("code").GetString()!, e.GetProperty("description").GetString()!))];
        }

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Item2));
        return errors;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static (string, string)[] Valid(string description, string key = DemoKey, string serviceCode = "repair") =>
    [
        ("api_key", key), ("service_code", serviceCode), ("address_string", Village), ("description", description),
        ("first_name", "阿婆"), ("last_name", "李"), ("phone", "13905800002"), ("lat", "30.1234"), ("long", "122.0567"),
    ];

    private async Task<(string Number, long Id, string Token)> Post(HttpClient client, string description, string format = "json", params (string, string)[] extra)
    {
        var replaced = extra.Select(e => e.Item1).ToHashSet();
        var response = await client.PostAsync($"{Root}/requests.{format}", Form([.. Valid(description).Where(f => !replaced.Contains(f.Item1)), .. extra]));
        if (format == "xml")
        {
            var request = Assert.Single((await Xml(response, HttpStatusCode.OK, "service_requests")).Elements());
            Assert.Equal("request", request.Name.LocalName);
            Assert.Equal(["service_request_id", "service_notice", "account_id", "token"], request.Elements().Select(e => e.Name.LocalName));
            var number = request.Element("service_request_id")!.Value;
            return (number, long.Parse(number.Split('-')[2]), request.Element("token")!.Value);
        }

        var json = Assert.Single((await Json(response, HttpStatusCode.OK)).EnumerateArray());
        var id = json.GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^GD-\d{8}-\d{6,}$", id);
        Assert.Contains("前办结", json.GetProperty("service_notice").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("account_id").ValueKind);
        return (id, long.Parse(id.Split('-')[2]), json.GetProperty("token").GetString()!);
    }

    private async Task<int> OrdersWith(string description)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.WorkOrders.CountAsync(o => o.Description.StartsWith(description));
    }

    [Fact]
    public async Task Discovery_lists_the_v2_endpoint_with_both_formats()
    {
        using var client = app.CreateClient();
        var xml = await Xml(await client.GetAsync($"{Root}/discovery.xml"), HttpStatusCode.OK, "discovery");
        Assert.NotEmpty(xml.Element("changeset")!.Value);
        Assert.NotEmpty(xml.Element("contact")!.Value);
        Assert.NotEmpty(xml.Element("key_service")!.Value);
        var endpoint = Assert.Single(xml.Element("endpoints")!.Elements("endpoint"));
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Element("specification")!.Value);
        Assert.EndsWith("/open311/v2", endpoint.Element("url")!.Value);
        Assert.Equal("production", endpoint.Element("type")!.Value);
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", endpoint.Element("changeset")!.Value);

        var json = await Json(await client.GetAsync($"{Root}/discovery.json"), HttpStatusCode.OK);
        var jsonEndpoint = Assert.Single(json.GetProperty("endpoints").EnumerateArray());
        Assert.Equal(["text/xml", "application/json"], jsonEndpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Services_come_from_the_active_categories_in_both_formats()
    {
        using var client = app.CreateClient();
        var xml = await Xml(await client.GetAsync($"{Root}/services.xml"), HttpStatusCode.OK, "services");
        Assert.All(xml.Elements(), s => Assert.Equal("service", s.Name.LocalName));
        var repair = Assert.Single(xml.Elements(), s => s.Element("service_code")!.Value == "repair");
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], repair.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("false", repair.Element("metadata")!.Value);
        Assert.Equal("realtime", repair.Element("type")!.Value);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", repair.Element("service_name")!.Value);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", repair.Element("group")!.Value);

        var json = await Json(await client.GetAsync($"{Root}/services.json"), HttpStatusCode.OK);
        Assert.Equal(xml.Elements().Count(), json.GetArrayLength());
        var jsonRepair = Assert.Single(json.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "repair");
        Assert.False(jsonRepair.GetProperty("metadata").GetBoolean());
        Assert.Equal(repair.Element("service_name")!.Value, jsonRepair.GetProperty("service_name").GetString());

        var definition = await Xml(await client.GetAsync($"{Root}/services/repair.xml"), HttpStatusCode.OK, "service_definition");
        Assert.Equal("repair", definition.Element("service_code")!.Value);
        Assert.Empty(definition.Element("attributes")!.Elements());
        var jsonDefinition = await Json(await client.GetAsync($"{Root}/services/repair.json"), HttpStatusCode.OK);
        Assert.Equal(0, jsonDefinition.GetProperty("attributes").GetArrayLength());

        Assert.Equal("open311.unknown_service_code", (await AssertErrors(await client.GetAsync($"{Root}/services/no-such-thing.xml"), HttpStatusCode.NotFound, xml: true))[0].Code);
        await AssertErrors(await client.GetAsync($"{Root}/services/no-such-thing.json"), HttpStatusCode.NotFound);
        await AssertErrors(await client.GetAsync($"{Root}/services.csv"), HttpStatusCode.BadRequest, xml: true);
        await AssertErrors(await client.GetAsync($"{Root}/nothing-here.json"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_post_with_a_valid_key_creates_an_anonymous_order_that_the_district_sees()
    {
        using var client = app.CreateClient();
        var description = WriteApiHelpers.Unique("Open311 路灯不亮");
        var (number, id, token) = await Post(client, description);

        var dinghai = await app.LoginAs("dinghai");
        var order = await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{id}");
        Assert.Equal(number, order.Number);
        Assert.Equal("Open311", order.Channel);
        Assert.Equal("Submitted", order.Status);
        Assert.Equal(description, order.Description);
        Assert.Equal(Village, order.PlaceName);
        Assert.Equal("李阿婆", order.RequesterName);
        Assert.Equal("13905800002", order.RequesterPhone);
        Assert.Equal(WorkOrder.FormatNumber(order.SubmittedAt, id), number);

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().WorkOrders.SingleAsync(o => o.Id == id);
        Assert.Null(stored.SubmittedByUserId);
        Assert.Null(stored.RequesterPersonId);
        Assert.Equal(token, stored.TrackingToken);
        Assert.Equal(30.1234, stored.Latitude);

        // Signed in or not, the key's client submits anonymously.
        var signedIn = await app.LoginAs("dinghai");
        var (_, second, _) = await Post(signedIn, WriteApiHelpers.Unique("Open311 带登录令牌"), "xml");
        await using var scope2 = app.Services.CreateAsyncScope();
        Assert.Null((await scope2.ServiceProvider.GetRequiredService<AppDbContext>().WorkOrders.SingleAsync(o => o.Id == second)).SubmittedByUserId);
    }

    [Fact]
    public async Task The_place_comes_from_place_id_or_address_id_and_media_url_is_kept_in_the_description()
    {
        using var client = app.CreateClient();
        var dinghai = await app.LoginAs("dinghai");
        var village = await dinghai.OrgId(Village);
        var description = WriteApiHelpers.Unique("Open311 place_id");
        var response = await client.PostAsync($"{Root}/requests.json", Form(("api_key", DemoKey), ("service_code", "repair"), ("place_id", village.ToString()),
            ("address_string", "三龙村村委会门口"), ("description", description), ("media_url", "https://example.org/a.jpg")));
        var id = Assert.Single((await Json(response, HttpStatusCode.OK)).EnumerateArray()).GetProperty("service_request_id").GetString()!;
        var order = await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{long.Parse(id.Split('-')[2])}");
        Assert.Equal(village, order.PlaceOrganizationId);
        Assert.Contains("https://example.org/a.jpg", order.Description);

        var viaAddressId = await client.PostAsync($"{Root}/requests.json", Form(("api_key", DemoKey), ("service_code", "repair"), ("address_id", village.ToString()),
            ("description", WriteApiHelpers.Unique("Open311 address_id"))));
        await Json(viaAddressId, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Missing_wrong_or_revoked_keys_answer_403_in_the_spec_format_and_write_nothing()
    {
        using var client = app.CreateClient();
        var description = WriteApiHelpers.Unique("Open311 无密钥");
        var noKey = Valid(description).Where(f => f.Item1 != "api_key").ToArray();
        Assert.Equal("open311.invalid_api_key", (await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form(noKey)), HttpStatusCode.Forbidden))[0].Code);
        await AssertErrors(await client.PostAsync($"{Root}/requests.xml", Form(Valid(description, key: "not-a-key"))), HttpStatusCode.Forbidden, xml: true);

        var admin = await app.LoginAs("admin");
        var issued = await (await admin.PostJson("/api/open311-keys", new { name = WriteApiHelpers.Unique("测试对接方") })).Read<IssuedKeyDto>();
        Assert.True(issued.Key.Length >= 32);
        Assert.Equal(issued.Key[..8], issued.Prefix);
        var keys = await admin.GetJson<List<KeyRowDto>>("/api/open311-keys");
        Assert.Contains(keys, k => k.Id == issued.Id && k.Prefix == issued.Prefix && k.RevokedAt is null);
        Assert.DoesNotContain(issued.Key, await (await admin.GetAsync("/api/open311-keys")).Content.ReadAsStringAsync());

        var usedBeforeRevoking = WriteApiHelpers.Unique("Open311 新密钥");
        await Post(client, usedBeforeRevoking, "json", ("api_key", issued.Key));
        await admin.PostJson($"/api/open311-keys/{issued.Id}/revoke", new { }).Ok();
        await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form([.. Valid(description).Where(f => f.Item1 != "api_key"), ("api_key", issued.Key)])), HttpStatusCode.Forbidden);
        await (await admin.PostJson($"/api/open311-keys/{issued.Id}/revoke", new { })).AssertProblem(HttpStatusCode.UnprocessableEntity, "open311.key_already_revoked");
        var audit = (await admin.GetJson<PageDto<AuditRowDto>>($"/api/audit?entityId={issued.Id}")).Items;
        Assert.Equal(["Created", "Updated"], audit.OrderBy(a => a.Id).Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("admin", a.UserName));
        Assert.All(audit, a => Assert.DoesNotContain(issued.Key, a.Changes));

        // Only system and committee admins manage keys.
        var dinghai = await app.LoginAs("dinghai");
        Assert.Equal(HttpStatusCode.Forbidden, (await dinghai.PostJson("/api/open311-keys", new { name = "越权" })).StatusCode);

        Assert.Equal(0, await OrdersWith(description));
        Assert.Equal(1, await OrdersWith(usedBeforeRevoking));
    }

    [Fact]
    public async Task Malformed_posts_answer_spec_errors_and_write_nothing()
    {
        using var client = app.CreateClient();
        var description = WriteApiHelpers.Unique("Open311 坏请求");
        (string, string)[] With(string name, string? value) =>
            [.. Valid(description).Where(f => f.Item1 != name), .. value is null ? Array.Empty<(string, string)>() : [(name, value)]];

        // The spec: “404 - service_code … was not found”.
        Assert.Equal("open311.unknown_service_code", (await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form(With("service_code", "no-such-service"))), HttpStatusCode.NotFound))[0].Code);
        Assert.Equal("open311.missing_service_code", (await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form(With("service_code", null))), HttpStatusCode.BadRequest))[0].Code);
        Assert.Contains(await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form([.. With("description", null)])), HttpStatusCode.BadRequest), e => e.Code == "validation.description");
        Assert.Equal("open311.bad_coordinates", (await AssertErrors(await client.PostAsync($"{Root}/requests.xml", Form(With("lat", "北纬30度"))), HttpStatusCode.BadRequest, xml: true))[0].Code);
        Assert.Contains(await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form(With("lat", "95"))), HttpStatusCode.BadRequest), e => e.Code == "validation.lat");
        Assert.Equal("open311.bad_coordinates", (await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form(With("long", null))), HttpStatusCode.BadRequest))[0].Code);
        Assert.Contains(await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form(With("phone", "12345"))), HttpStatusCode.BadRequest), e => e.Code == "validation.phone");
        Assert.Equal("open311.unresolved_place", (await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form(With("address_string", "火星某处"))), HttpStatusCode.BadRequest))[0].Code);
        Assert.Equal("open311.bad_place_id", (await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form(With("place_id", "42"))), HttpStatusCode.BadRequest))[0].Code);
        Assert.Equal("work_order.unknown_place", (await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form(With("place_id", Guid.NewGuid().ToString()))), HttpStatusCode.BadRequest))[0].Code);
        // Coordinates alone do not say which village: our orders need an organization.
        Assert.Equal("open311.unresolved_place", (await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form(With("address_string", null))), HttpStatusCode.BadRequest))[0].Code);
        Assert.Equal("open311.missing_location", (await AssertErrors(await client.PostAsync($"{Root}/requests.json",
            Form([.. Valid(description).Where(f => f.Item1 is not ("address_string" or "lat" or "long"))])), HttpStatusCode.BadRequest))[0].Code);
        Assert.Contains(await AssertErrors(await client.PostAsync($"{Root}/requests.json", Form(With("description", new string('长', 2001)))), HttpStatusCode.BadRequest), e => e.Code == "validation.description");

        var json = new StringContent(JsonSerializer.Serialize(Valid(description).ToDictionary(f => f.Item1, f => f.Item2)), Encoding.UTF8, "application/json");
        Assert.Equal("open311.not_form_encoded", (await AssertErrors(await client.PostAsync($"{Root}/requests.json", json), HttpStatusCode.BadRequest))[0].Code);
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in Valid(description)) multipart.Add(new StringContent(value), name);
        await AssertErrors(await client.PostAsync($"{Root}/requests.xml", multipart), HttpStatusCode.BadRequest, xml: true);
        await AssertErrors(await client.PostAsync($"{Root}/requests.yaml", Form(Valid(description))), HttpStatusCode.BadRequest, xml: true);

        Assert.Equal(0, await OrdersWith(description));
    }

    [Fact]
    public async Task One_request_and_a_token_answer_in_both_formats_with_public_fields_only()
    {
        using var client = app.CreateClient();
        var description = WriteApiHelpers.Unique("Open311 单个查询");
        var (number, _, token) = await Post(client, description);

        var xml = await Xml(await client.GetAsync($"{Root}/requests/{number}.xml"), HttpStatusCode.OK, "service_requests");
        var request = Assert.Single(xml.Elements());
        Assert.Equal("request", request.Name.LocalName);
        Assert.Equal(
            ["service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
             "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"],
            request.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(number, request.Element("service_request_id")!.Value);
        Assert.Equal("open", request.Element("status")!.Value);
        Assert.Equal("repair", request.Element("service_code")!.Value);
        Assert.Equal(description, request.Element("description")!.Value);
        Assert.Equal("", request.Element("agency_responsible")!.Value);
        Assert.Equal("", request.Element("media_url")!.Value);
        Assert.Equal(Village, request.Element("address")!.Value);
        Assert.Equal("30.1234", request.Element("lat")!.Value);
        foreach (var field in new[] { "requested_datetime", "updated_datetime", "expected_datetime" })
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", request.Element(field)!.Value);
        }

        var response = await client.GetAsync($"{Root}/requests/{number}.json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("13905800002", body);
        Assert.DoesNotContain("李阿婆", body);
        var json = Assert.Single((await Json(response, HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("agency_responsible").ValueKind);
        Assert.Equal(122.0567, json.GetProperty("long").GetDouble());
        Assert.Equal(request.Element("expected_datetime")!.Value, json.GetProperty("expected_datetime").GetString());

        var tokenXml = Assert.Single((await Xml(await client.GetAsync($"{Root}/tokens/{token}.xml"), HttpStatusCode.OK, "service_requests")).Elements("request"));
        Assert.Equal(number, tokenXml.Element("service_request_id")!.Value);
        Assert.Equal(token, tokenXml.Element("token")!.Value);
        var tokenJson = Assert.Single((await Json(await client.GetAsync($"{Root}/tokens/{token}.json"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(number, tokenJson.GetProperty("service_request_id").GetString());

        await AssertErrors(await client.GetAsync($"{Root}/tokens/AAAAAAAAAAAAAAAAAAAAAAAA.json"), HttpStatusCode.NotFound);
        await AssertErrors(await client.GetAsync($"{Root}/requests/GD-20200101-999999999.xml"), HttpStatusCode.NotFound, xml: true);
        // The right id with the wrong date is not the same request.
        var wrongDate = "GD-19990101-" + number.Split('-')[2];
        await AssertErrors(await client.GetAsync($"{Root}/requests/{wrongDate}.json"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Status_follows_the_loop_and_the_agency_is_the_dispatched_organization()
    {
        using var client = app.CreateClient();
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var (number, id, _) = await Post(client, WriteApiHelpers.Unique("Open311 闭环"));

        async Task<JsonElement> Get() => Assert.Single((await Json(await client.GetAsync($"{Root}/requests/{number}.json"), HttpStatusCode.OK)).EnumerateArray());

        Assert.Equal("open", (await Get()).GetProperty("status").GetString());
        await dinghai.PostJson($"/api/work-orders/{id}/dispatch", new { organizationId = await dinghai.OrgId("三龙村党支部") }).Ok();
        var dispatched = await Get();
        Assert.Equal("open", dispatched.GetProperty("status").GetString());
        Assert.Equal("三龙村党支部", dispatched.GetProperty("agency_responsible").GetString());
        Assert.Contains("待接单", dispatched.GetProperty("status_notes").GetString());
        await sanlong.PostJson($"/api/work-orders/{id}/claim", new { }).Ok();
        Assert.Equal("open", (await Get()).GetProperty("status").GetString());
        await sanlong.PostJson($"/api/work-orders/{id}/resolve", new { note = "已修好" }).Ok();
        var resolved = await Get();
        Assert.Equal("closed", resolved.GetProperty("status").GetString());
        Assert.Contains("已办结", resolved.GetProperty("status_notes").GetString());
        await dinghai.PostJson($"/api/work-orders/{id}/reopen", new { note = "群众反映仍有一盏不亮" }).Ok();
        Assert.Equal("open", (await Get()).GetProperty("status").GetString());
        await sanlong.PostJson($"/api/work-orders/{id}/resolve", new { note = "最后一盏也修好了" }).Ok();
        await dinghai.PostJson($"/api/work-orders/{id}/close", new { note = "销号" }).Ok();
        var closed = await Get();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Contains("已销号", closed.GetProperty("status_notes").GetString());
        Assert.True(DateTimeOffset.Parse(closed.GetProperty("updated_datetime").GetString()!) >= DateTimeOffset.Parse(closed.GetProperty("requested_datetime").GetString()!));

        var (withdrawn, withdrawnId, token) = await Post(client, WriteApiHelpers.Unique("Open311 撤回"));
        await client.PostJson($"/api/tracking/{token}/withdraw", new { note = "已自行解决" }).Ok();
        Assert.Equal("closed", Assert.Single((await Json(await client.GetAsync($"{Root}/requests/{withdrawn}.json"), HttpStatusCode.OK)).EnumerateArray()).GetProperty("status").GetString());
        Assert.True(withdrawnId > id);
    }

    [Fact]
    public async Task Get_requests_filters_by_ids_service_status_and_dates_within_90_days_and_a_limit()
    {
        using var client = app.CreateClient();
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var since = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var open = await Post(client, WriteApiHelpers.Unique("Open311 筛选 待办"));
        var closed = await Post(client, WriteApiHelpers.Unique("Open311 筛选 已办"));
        var other = await client.PostAsync($"{Root}/requests.json", Form([.. Valid(WriteApiHelpers.Unique("Open311 筛选 其他类别")).Where(f => f.Item1 != "service_code"), ("service_code", "legal")]));
        var otherNumber = Assert.Single((await Json(other, HttpStatusCode.OK)).EnumerateArray()).GetProperty("service_request_id").GetString()!;
        await dinghai.PostJson($"/api/work-orders/{closed.Id}/dispatch", new { organizationId = await dinghai.OrgId("三龙村党支部") }).Ok();
        await sanlong.PostJson($"/api/work-orders/{closed.Id}/claim", new { }).Ok();
        await sanlong.PostJson($"/api/work-orders/{closed.Id}/resolve", new { note = "办好了" }).Ok();

        async Task<List<string>> Ids(string query)
        {
            var json = await Json(await client.GetAsync($"{Root}/requests.json?{query}"), HttpStatusCode.OK);
            return [.. json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];
        }

        var ours = new[] { open.Number, closed.Number, otherNumber };
        // service_request_id overrides all other arguments (even a status and a window that would exclude them).
        Assert.Equal(ours.OrderBy(n => n), (await Ids($"service_request_id={string.Join(',', ours)}&status=closed&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z")).OrderBy(n => n));
        var xml = await Xml(await client.GetAsync($"{Root}/requests.xml?service_request_id={open.Number},{closed.Number}"), HttpStatusCode.OK, "service_requests");
        Assert.Equal(2, xml.Elements("request").Count());

        var recent = $"start_date={Uri.EscapeDataString(since)}";
        var all = await Ids(recent);
        Assert.Superset(ours.ToHashSet(), all.ToHashSet());
        var closedOnes = await Ids($"{recent}&status=closed");
        Assert.Contains(closed.Number, closedOnes);
        Assert.DoesNotContain(open.Number, closedOnes);
        var openOnes = await Ids($"{recent}&status=open");
        Assert.Contains(open.Number, openOnes);
        Assert.DoesNotContain(closed.Number, openOnes);
        Assert.Superset(ours.ToHashSet(), (await Ids($"{recent}&status=open,closed")).ToHashSet());
        var legal = await Ids($"{recent}&service_code=legal");
        Assert.Contains(otherNumber, legal);
        Assert.DoesNotContain(open.Number, legal);
        Assert.Superset(ours.ToHashSet(), (await Ids($"{recent}&service_code=repair,legal")).ToHashSet());
        // The default window is the last 90 days; newest first.
        var defaults = await Ids("");
        Assert.Superset(ours.ToHashSet(), defaults.ToHashSet());
        Assert.Single(await Ids($"{recent}&limit=1"));
        Assert.Empty(await Ids("start_date=2020-01-01T00:00:00Z&end_date=2020-03-01T00:00:00Z"));
        Assert.Empty(await Ids("end_date=2020-03-01"));

        await AssertErrors(await client.GetAsync($"{Root}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), HttpStatusCode.BadRequest);
        await AssertErrors(await client.GetAsync($"{Root}/requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z"), HttpStatusCode.BadRequest);
        await AssertErrors(await client.GetAsync($"{Root}/requests.xml?start_date=yesterday"), HttpStatusCode.BadRequest, xml: true);
        await AssertErrors(await client.GetAsync($"{Root}/requests.json?status=pending"), HttpStatusCode.BadRequest);
        await AssertErrors(await client.GetAsync($"{Root}/requests.json?limit=1001"), HttpStatusCode.BadRequest);
        await AssertErrors(await client.GetAsync($"{Root}/requests.json?service_request_id=42"), HttpStatusCode.BadRequest);
    }

    private sealed record IssuedKeyDto(Guid Id, string Name, string Prefix, string Key);

    private sealed record KeyRowDto(Guid Id, string Name, string Prefix, DateTime CreatedAt, string CreatedByName, DateTime? RevokedAt);
}

[Collection(SqliteCollection.Name)]
public sealed class Open311Tests_Sqlite(SqliteApp app) : Open311Tests(app);

[Collection(PostgresCollection.Name)]
public sealed class Open311Tests_Postgres(PostgresApp app) : Open311Tests(app);
