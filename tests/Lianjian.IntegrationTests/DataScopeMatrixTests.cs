using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lianjian.IntegrationTests.Infrastructure;
using static Lianjian.IntegrationTests.Infrastructure.WriteApiHelpers;

namespace Lianjian.IntegrationTests;

/// <summary>
/// 数据权限: the 定海区 admin against 普陀区's objects, endpoint by endpoint. Every call answers 404 (the same as an id
/// that does not exist) and changes nothing, as 普陀's own admin sees afterwards.
/// </summary>
public abstract class DataScopeMatrixTests(LianjianFactory app)
{
    /// <summary>普陀's objects (made by putuo) and 定海's own objects that the cross-links start from (made by dinghai).</summary>
    public sealed record World(
        Guid Township, Guid Village, Guid PutuoBranch, Guid Person, Guid Period, Guid Registration, Guid Alliance, Guid Agreement, Guid Meeting,
        Guid DinghaiTownship, Guid DinghaiVillage, Guid DinghaiCommunity, Guid DinghaiOrg, Guid DinghaiPerson, Guid DinghaiAlliance, string DinghaiAllianceName, Guid DinghaiLead);

    private sealed record Call(HttpMethod Method, string Url, object? Body = null, bool Upload = false);

    private static readonly ConcurrentDictionary<LianjianFactory, Lazy<Task<World>>> Worlds = new();

    private Task<World> GetWorld() => Worlds.GetOrAdd(app, a => new Lazy<Task<World>>(() => Build(a))).Value;

    private static async Task<World> Build(LianjianFactory app)
    {
        var putuo = await app.LoginAs("putuo");
        var township = await putuo.OrgId("虾峙镇");
        var village = await putuo.Create("/api/organizations", new { name = Unique("矩阵村"), kind = "Village", parentId = township });
        var putuoBranch = await putuo.OrgId("普陀区机关事务管理中心党支部");
        var person = await putuo.Create("/api/people", new
        {
            name = Unique("普陀干部"), kind = "StationedCadre", organizationId = village, phone = "13957000001", memberStatus = "Formal", isInService = true,
        });
        var period = await putuo.Create($"/api/people/{person}/stationed-periods", new { villageId = village, kind = "OnSite", startsOn = "2026-03-01", endsOn = "2026-03-31" });
        var registration = await putuo.Create($"/api/people/{person}/community-registrations", new { communityId = village, post = "网格联络员" });
        var alliance = await putuo.Create("/api/alliances", new { name = Unique("普陀联建"), kind = "RedAlliance", leadOrganizationId = putuoBranch });
        await putuo.PostJson($"/api/alliances/{alliance}/members", new { organizationId = village, role = "海岛村" }).Ok();
        var agreement = await putuo.Create($"/api/alliances/{alliance}/agreements", new { title = "普陀联建协议", negotiationStartedOn = ChinaToday.AddDays(-30) });
        await putuo.Upload($"/api/alliances/{alliance}/agreements/{agreement}/document", Pdf("普陀"), "普陀协议.pdf").Ok();
        var meeting = await putuo.Create($"/api/alliances/{alliance}/meetings", new { heldAt = "2026-05-15T09:30:00", place = "虾峙镇", topic = "普陀联席会议" });

        var dinghai = await app.LoginAs("dinghai");
        var dinghaiTownship = await dinghai.OrgId("长白乡");
        var dinghaiOrg = await dinghai.Create("/api/organizations", new { name = Unique("定海矩阵支部"), kind = "Branch", parentId = dinghaiTownship });
        var dinghaiPerson = await dinghai.Create("/api/people", new
        {
            name = Unique("定海党员"), kind = "PartyMember", organizationId = await dinghai.OrgId("三龙村党支部"), memberStatus = "Formal", isInService = true,
        });
        var dinghaiLead = await dinghai.OrgId("定海区机关事务管理中心党支部");
        var dinghaiAllianceName = Unique("定海矩阵联建");
        var dinghaiAlliance = await dinghai.Create("/api/alliances", new { name = dinghaiAllianceName, kind = "Other", leadOrganizationId = dinghaiLead });
        return new World(township, village, putuoBranch, person, period, registration, alliance, agreement, meeting,
            dinghaiTownship, await dinghai.OrgId("长白岛三龙村"), await dinghai.OrgId("东海社区"), dinghaiOrg, dinghaiPerson, dinghaiAlliance, dinghaiAllianceName, dinghaiLead);
    }

    private static readonly Dictionary<string, Func<World, Call>> Cases = new()
    {
        // organizations
        ["GET organization"] = w => new(HttpMethod.Get, $"/api/organizations/{w.Village}"),
        ["GET organization children"] = w => new(HttpMethod.Get, $"/api/organizations/tree?parentId={w.Village}"),
        ["PUT organization"] = w => new(HttpMethod.Put, $"/api/organizations/{w.Village}", new { name = "越权改名", kind = "Village" }),
        ["POST organization under 普陀"] = w => new(HttpMethod.Post, "/api/organizations", new { name = "越权新建", kind = "Branch", parentId = w.Village }),
        ["POST move 普陀 organization"] = w => new(HttpMethod.Post, $"/api/organizations/{w.Village}/move", new { parentId = w.DinghaiTownship }),
        ["POST move own organization into 普陀"] = w => new(HttpMethod.Post, $"/api/organizations/{w.DinghaiOrg}/move", new { parentId = w.Village }),
        ["POST deactivate organization"] = w => new(HttpMethod.Post, $"/api/organizations/{w.Village}/deactivate"),
        ["POST reactivate organization"] = w => new(HttpMethod.Post, $"/api/organizations/{w.Village}/reactivate"),

        // people and their sub-records
        ["GET person"] = w => new(HttpMethod.Get, $"/api/people/{w.Person}"),
        ["PUT person"] = w => new(HttpMethod.Put, $"/api/people/{w.Person}", new { name = "越权改名", kind = "StationedCadre", organizationId = w.Village, memberStatus = "Formal" }),
        ["POST person into 普陀"] = w => new(HttpMethod.Post, "/api/people", new { name = "越权新增", kind = "PartyMember", organizationId = w.Village, memberStatus = "Formal" }),
        ["PUT own person into 普陀"] = w => new(HttpMethod.Put, $"/api/people/{w.DinghaiPerson}", new { name = "搬到普陀", kind = "PartyMember", organizationId = w.Village, memberStatus = "Formal" }),
        ["POST deactivate person"] = w => new(HttpMethod.Post, $"/api/people/{w.Person}/deactivate"),
        ["POST reactivate person"] = w => new(HttpMethod.Post, $"/api/people/{w.Person}/reactivate"),
        ["POST stationed period"] = w => new(HttpMethod.Post, $"/api/people/{w.Person}/stationed-periods", new { villageId = w.DinghaiVillage, kind = "OnSite", startsOn = "2030-01-01" }),
        ["POST own stationed period in 普陀 village"] = w => new(HttpMethod.Post, $"/api/people/{w.DinghaiPerson}/stationed-periods", new { villageId = w.Village, kind = "OnSite", startsOn = "2030-01-01" }),
        ["DELETE stationed period"] = w => new(HttpMethod.Delete, $"/api/people/{w.Person}/stationed-periods/{w.Period}"),
        ["POST community registration"] = w => new(HttpMethod.Post, $"/api/people/{w.Person}/community-registrations", new { communityId = w.DinghaiCommunity }),
        ["POST own registration in 普陀 village"] = w => new(HttpMethod.Post, $"/api/people/{w.DinghaiPerson}/community-registrations", new { communityId = w.Village }),
        ["DELETE community registration"] = w => new(HttpMethod.Delete, $"/api/people/{w.Person}/community-registrations/{w.Registration}"),

        // alliances, members, agreements, documents, meetings
        ["GET alliance"] = w => new(HttpMethod.Get, $"/api/alliances/{w.Alliance}"),
        ["PUT alliance"] = w => new(HttpMethod.Put, $"/api/alliances/{w.Alliance}", new { name = "越权改名", kind = "Other", leadOrganizationId = w.DinghaiLead }),
        ["POST alliance led by 普陀"] = w => new(HttpMethod.Post, "/api/alliances", new { name = Unique("越权联建"), kind = "Other", leadOrganizationId = w.PutuoBranch }),
        ["PUT own alliance led by 普陀"] = w => new(HttpMethod.Put, $"/api/alliances/{w.DinghaiAlliance}", new { name = w.DinghaiAllianceName, kind = "Other", leadOrganizationId = w.PutuoBranch }),
        ["POST deactivate alliance"] = w => new(HttpMethod.Post, $"/api/alliances/{w.Alliance}/deactivate"),
        ["POST reactivate alliance"] = w => new(HttpMethod.Post, $"/api/alliances/{w.Alliance}/reactivate"),
        ["POST alliance member"] = w => new(HttpMethod.Post, $"/api/alliances/{w.Alliance}/members", new { organizationId = w.DinghaiLead }),
        ["POST 普陀 organization into own alliance"] = w => new(HttpMethod.Post, $"/api/alliances/{w.DinghaiAlliance}/members", new { organizationId = w.Village }),
        ["DELETE alliance member"] = w => new(HttpMethod.Delete, $"/api/alliances/{w.Alliance}/members/{w.Village}"),
        ["POST agreement"] = w => new(HttpMethod.Post, $"/api/alliances/{w.Alliance}/agreements", new { title = "越权协议", negotiationStartedOn = ChinaToday }),
        ["PUT agreement"] = w => new(HttpMethod.Put, $"/api/alliances/{w.Alliance}/agreements/{w.Agreement}", new { title = "越权改协议", negotiationStartedOn = ChinaToday }),
        ["POST sign agreement"] = w => new(HttpMethod.Post, $"/api/alliances/{w.Alliance}/agreements/{w.Agreement}/sign", new { on = ChinaToday }),
        ["POST start performance"] = w => new(HttpMethod.Post, $"/api/alliances/{w.Alliance}/agreements/{w.Agreement}/start-performance", new { on = ChinaToday }),
        ["POST evaluate agreement"] = w => new(HttpMethod.Post, $"/api/alliances/{w.Alliance}/agreements/{w.Agreement}/evaluate", new { result = "Poor", on = ChinaToday }),
        ["PUT agreement document"] = w => new(HttpMethod.Put, $"/api/alliances/{w.Alliance}/agreements/{w.Agreement}/document", Upload: true),
        ["GET agreement document"] = w => new(HttpMethod.Get, $"/api/alliances/{w.Alliance}/agreements/{w.Agreement}/document"),
        ["POST joint meeting"] = w => new(HttpMethod.Post, $"/api/alliances/{w.Alliance}/meetings", new { heldAt = "2026-06-01T09:00:00", place = "越权", topic = "越权会议" }),
        ["PUT joint meeting"] = w => new(HttpMethod.Put, $"/api/alliances/{w.Alliance}/meetings/{w.Meeting}", new { heldAt = "2026-06-01T09:00:00", place = "越权", topic = "越权改会议" }),
        ["DELETE joint meeting"] = w => new(HttpMethod.Delete, $"/api/alliances/{w.Alliance}/meetings/{w.Meeting}"),
    };

    public static TheoryData<string> Endpoints
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Cases.Keys) data.Add(name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task DinghaiAdmin_OnPutuoObject_GetsNotFound_AndNothingChanges(string endpoint)
    {
        var world = await GetWorld();
        var putuo = await app.LoginAs("putuo");
        var dinghai = await app.LoginAs("dinghai");
        var before = await Snapshot(world, putuo, dinghai);

        var call = Cases[endpoint](world);
        using var request = new HttpRequestMessage(call.Method, call.Url);
        if (call.Upload)
        {
            var file = new ByteArrayContent(Pdf("越权"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            request.Content = new MultipartFormDataContent { { file, "file", "越权.pdf" } };
        }
        else if (call.Body is not null)
        {
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(call.Body, ApiExtensions.Json), Encoding.UTF8, "application/json");
        }

        var response = await dinghai.SendAsync(request);
        var problem = await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.EndsWith("not_found", problem.GetProperty("code").GetString());
        Assert.Equal(before, await Snapshot(world, putuo, dinghai));
    }

    /// <summary>What 普陀's admin sees of their objects (and 定海's admin of the own objects a cross-link would touch).</summary>
    private static async Task<string> Snapshot(World w, HttpClient putuo, HttpClient dinghai)
    {
        var text = new StringBuilder();
        foreach (var url in new[]
                 {
                     $"/api/organizations/{w.Village}", $"/api/organizations/tree?parentId={w.Village}", $"/api/organizations/tree?parentId={w.Township}",
                     $"/api/people/{w.Person}", $"/api/people?organizationId={w.Village}&includeInactive=true&pageSize=200",
                     $"/api/alliances/{w.Alliance}", "/api/alliances",
                 })
        {
            text.AppendLine(await Body(putuo, url));
        }

        text.AppendLine(Convert.ToBase64String(await (await putuo.GetAsync($"/api/alliances/{w.Alliance}/agreements/{w.Agreement}/document")).Content.ReadAsByteArrayAsync()));
        foreach (var url in new[] { $"/api/organizations/{w.DinghaiOrg}", $"/api/people/{w.DinghaiPerson}", $"/api/alliances/{w.DinghaiAlliance}" })
        {
            text.AppendLine(await Body(dinghai, url));
        }

        return text.ToString();
    }

    private static async Task<string> Body(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static async Task<List<T>> AllPages<T>(HttpClient client, string url)
    {
        var all = new List<T>();
        for (var page = 1; ; page++)
        {
            var result = await client.GetJson<PageDto<T>>($"{url}{(url.Contains('?') ? '&' : '?')}page={page}&pageSize=200");
            all.AddRange(result.Items);
            if (result.Items.Count < 200) return all;
        }
    }

    [Fact]
    public async Task Lists_ForDinghai_NeverIncludePutuoRows()
    {
        var w = await GetWorld();
        var putuo = await app.LoginAs("putuo");
        var dinghai = await app.LoginAs("dinghai");

        var putuoOrgs = (await AllPages<OrgRow>(putuo, "/api/organizations?includeInactive=true")).Select(o => o.Id).ToHashSet();
        Assert.Contains(w.Village, putuoOrgs);
        var dinghaiOrgs = await AllPages<OrgRow>(dinghai, "/api/organizations?includeInactive=true");
        Assert.Contains(dinghaiOrgs, o => o.Id == w.DinghaiOrg);
        Assert.DoesNotContain(dinghaiOrgs, o => putuoOrgs.Contains(o.Id));
        Assert.Equal("定海区", Assert.Single(await dinghai.GetJson<List<OrgRow>>("/api/organizations/tree")).Name);
        Assert.Empty((await dinghai.GetJson<PageDto<OrgRow>>("/api/organizations?name=葫芦岛")).Items);
        Assert.Empty((await dinghai.GetJson<PageDto<OrgRow>>($"/api/organizations?under={w.Township}")).Items);

        var putuoPeople = (await AllPages<PersonRowDto>(putuo, "/api/people?includeInactive=true")).Select(p => p.Id).ToHashSet();
        Assert.Contains(w.Person, putuoPeople);
        var dinghaiPeople = await AllPages<PersonRowDto>(dinghai, "/api/people?includeInactive=true");
        Assert.Contains(dinghaiPeople, p => p.Id == w.DinghaiPerson);
        Assert.DoesNotContain(dinghaiPeople, p => putuoPeople.Contains(p.Id));
        Assert.Empty((await dinghai.GetJson<PageDto<PersonRowDto>>($"/api/people?organizationId={w.Village}")).Items);

        var dinghaiAlliances = await dinghai.GetJson<List<AllianceRowDto>>("/api/alliances");
        Assert.Contains(dinghaiAlliances, a => a.Id == w.DinghaiAlliance);
        Assert.DoesNotContain(dinghaiAlliances, a => a.Id == w.Alliance);
        Assert.DoesNotContain(dinghaiAlliances, a => a.Name is "葫芦岛三级联建片组" or "五联村三级联建片组" or "东岠岛三级联建片组");
        Assert.Empty(await dinghai.GetJson<List<AllianceRowDto>>($"/api/alliances?organizationId={w.Village}"));

        // The audit log too: 普陀's admin sees the entries of their objects, 定海's admin none of them.
        var putuoIds = new[] { w.Village, w.Person, w.Period, w.Registration, w.Alliance, w.Agreement, w.Meeting }.Select(id => id.ToString()).ToList();
        Assert.NotEmpty((await putuo.GetJson<PageDto<AuditRowDto>>($"/api/audit?entityId={w.Person}")).Items);
        var dinghaiAudit = await AllPages<AuditRowDto>(dinghai, "/api/audit");
        Assert.NotEmpty(dinghaiAudit);
        Assert.DoesNotContain(dinghaiAudit, e => putuoIds.Any(id => e.EntityId.Contains(id, StringComparison.OrdinalIgnoreCase)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DataScopeMatrixTests_Sqlite(SqliteApp app) : DataScopeMatrixTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DataScopeMatrixTests_Postgres(PostgresApp app) : DataScopeMatrixTests(app);
