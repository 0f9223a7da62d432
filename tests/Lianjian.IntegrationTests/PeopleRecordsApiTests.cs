using System.Net;
using Lianjian.IntegrationTests.Infrastructure;
using static Lianjian.IntegrationTests.Infrastructure.WriteApiHelpers;

namespace Lianjian.IntegrationTests;

public abstract class PeopleRecordsApiTests(LianjianFactory app)
{
    private static string NewPhone() => "139" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    private static string NewIdNumber() => "330902" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999);

    private static async Task<Guid> NewPerson(HttpClient client, string org, string kind = "PartyMember", bool inService = true, string? phone = null) =>
        await client.Create("/api/people", new
        {
            name = Unique("测试"), kind, organizationId = await client.OrgId(org), phone = phone ?? NewPhone(),
            memberStatus = kind == "Resident" ? null : "Formal", isInService = inService,
        });

    [Fact]
    public async Task Person_CreateReadUpdateDeactivate_WithPhoneMaskedForCommitteeAdmin()
    {
        var dinghai = await app.LoginAs("dinghai");
        var branch = await dinghai.OrgId("三龙村党支部");
        var phone = NewPhone();
        var idNumber = NewIdNumber();
        var name = Unique("王测试");
        var id = await dinghai.Create("/api/people", new
        {
            name, kind = "PartyMember", organizationId = branch, phone, idNumber, memberStatus = "Formal", skills = new[] { "农技", "维修" },
        });

        // The organization admin phones their people: full numbers. The committee admin reads figures: masked.
        var own = await dinghai.Person(id);
        Assert.Equal((phone, idNumber), (own.Person.Phone, own.Person.IdNumber));
        var gongwei = await app.LoginAs("gongwei");
        var masked = await gongwei.Person(id);
        Assert.Equal(phone[..3] + "****" + phone[^4..], masked.Person.Phone);
        Assert.Equal(idNumber[..3] + new string('*', 11) + idNumber[^4..], masked.Person.IdNumber);
        var listed = Assert.Single((await gongwei.GetJson<PageDto<PersonRowDto>>($"/api/people?text={Uri.EscapeDataString(name)}")).Items);
        Assert.Equal(masked.Person.Phone, listed.Phone);
        Assert.Equal(phone, Assert.Single((await dinghai.GetJson<PageDto<PersonRowDto>>($"/api/people?text={Uri.EscapeDataString(name)}")).Items).Phone);

        await dinghai.PutJson($"/api/people/{id}", new { name = name + "改", kind = "PartyMember", organizationId = branch, phone, memberStatus = "Probationary" }).Ok();
        Assert.Equal(name + "改", (await dinghai.Person(id)).Person.Name);
        await dinghai.PostAsync($"/api/people/{id}/deactivate", null).Ok();
        Assert.False((await dinghai.Person(id)).Person.IsActive);
        await dinghai.PostAsync($"/api/people/{id}/reactivate", null).Ok();
        Assert.True((await dinghai.Person(id)).Person.IsActive);
    }

    [Fact]
    public async Task StationedPeriods_AddAndRemove_OverlapRejected()
    {
        var client = await app.LoginAs("dinghai");
        var cadre = await NewPerson(client, "定海区机关事务管理中心党支部", "StationedCadre");
        var village = await client.OrgId("长白岛三龙村");
        var url = $"/api/people/{cadre}/stationed-periods";

        // Seeds: one month on site, then two months of liaison.
        var onSite = await client.Create(url, new { villageId = village, kind = "OnSite", startsOn = "2026-03-01", endsOn = "2026-03-31", remark = "三访三问" });
        await client.Create(url, new { villageId = village, kind = "Liaison", startsOn = "2026-04-01", endsOn = "2026-05-31" });
        await (await client.PostJson(url, new { villageId = village, kind = "OnSite", startsOn = "2026-03-15", endsOn = "2026-04-15" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "person.stationed_period_overlap");
        await (await client.PostJson(url, new { villageId = village, kind = "OnSite", startsOn = "2026-05-31" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "person.stationed_period_overlap");
        var openEnded = await client.Create(url, new { villageId = village, kind = "Liaison", startsOn = "2026-06-01" });
        await (await client.PostJson(url, new { villageId = village, kind = "OnSite", startsOn = "2027-01-01", endsOn = "2027-01-31" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "person.stationed_period_overlap");

        await (await client.PostJson(url, new { villageId = await client.OrgId("长白乡"), kind = "OnSite", startsOn = "2028-01-01" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "person.stationed_needs_village");
        await (await client.PostJson(url, new { villageId = village, kind = "OnSite", startsOn = "2028-02-01", endsOn = "2028-01-01" }))
            .AssertProblem(HttpStatusCode.BadRequest, "validation");

        var details = await client.Person(cadre);
        Assert.Equal(3, details.StationedPeriods.Count);
        var first = details.StationedPeriods.First();
        Assert.Equal((onSite, "驻村", "长白岛三龙村", "三访三问"), (first.Id, first.KindLabel, first.VillageName, first.Remark));

        await client.DeleteAsync($"{url}/{openEnded}").Ok();
        await (await client.DeleteAsync($"{url}/{openEnded}")).AssertProblem(HttpStatusCode.NotFound, "person.stationed_period_not_found");
        await client.Create(url, new { villageId = village, kind = "OnSite", startsOn = "2027-01-01", endsOn = "2027-01-31" });
        Assert.Equal(3, (await client.Person(cadre)).StationedPeriods.Count);
    }

    [Fact]
    public async Task StationedPeriod_ForResident_IsRejected()
    {
        var client = await app.LoginAs("dinghai");
        var resident = await NewPerson(client, "长白岛三龙村", "Resident", inService: false);
        await (await client.PostJson($"/api/people/{resident}/stationed-periods", new { villageId = await client.OrgId("长白岛三龙村"), kind = "OnSite", startsOn = "2026-03-01" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "person.not_stationable");
    }

    [Fact]
    public async Task CommunityRegistration_OnlyInServiceMembers_OncePerCommunity()
    {
        var client = await app.LoginAs("dinghai");
        var member = await NewPerson(client, "定海区机关事务管理中心党支部");
        var community = await client.OrgId("东海社区");
        var url = $"/api/people/{member}/community-registrations";

        var registration = await client.Create(url, new { communityId = community, registeredOn = "2026-03-01", post = "楼道长" });
        await (await client.PostJson(url, new { communityId = community, post = "政策宣讲员" })).AssertProblem(HttpStatusCode.Conflict, "person.already_registered");
        await (await client.PostJson(url, new { communityId = await client.OrgId("长白乡") })).AssertProblem(HttpStatusCode.UnprocessableEntity, "person.registration_needs_community");
        var village = await client.Create(url, new { communityId = await client.OrgId("长白岛三龙村") });

        var details = await client.Person(member);
        Assert.Equal(2, details.CommunityRegistrations.Count);
        Assert.Contains(details.CommunityRegistrations, r => r.Id == registration && r.CommunityName == "东海社区" && r.Post == "楼道长" && r.RegisteredOn == new DateOnly(2026, 3, 1));
        Assert.Contains(details.CommunityRegistrations, r => r.Id == village && r.RegisteredOn == ChinaToday);

        await client.DeleteAsync($"{url}/{registration}").Ok();
        await (await client.DeleteAsync($"{url}/{registration}")).AssertProblem(HttpStatusCode.NotFound, "person.registration_not_found");
        Assert.Single((await client.Person(member)).CommunityRegistrations);

        var notInService = await NewPerson(client, "三龙村党支部", inService: false);
        await (await client.PostJson($"/api/people/{notInService}/community-registrations", new { communityId = community }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "person.not_in_service_member");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PeopleRecordsApiTests_Sqlite(SqliteApp app) : PeopleRecordsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PeopleRecordsApiTests_Postgres(PostgresApp app) : PeopleRecordsApiTests(app);
