using System.Net;
using System.Text.Json;
using Lianjian.IntegrationTests.Infrastructure;
using static Lianjian.IntegrationTests.Infrastructure.WriteApiHelpers;

namespace Lianjian.IntegrationTests;

/// <summary>操作日志: every change by staff shows who, what, and before → after; another district's admin sees none of it.</summary>
public abstract class AuditApiTests(LianjianFactory app)
{
    private static async Task<AuditRowDto> Entry(HttpClient client, Guid entityId, string action)
    {
        var page = await client.GetJson<PageDto<AuditRowDto>>($"/api/audit?entityId={entityId}&action={action}");
        return Assert.Single(page.Items);
    }

    private static (string? Before, string? After) Change(AuditRowDto entry, string property)
    {
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        Assert.True(changes.TryGetProperty(property, out var pair), $"{property} missing in {entry.Changes}");
        return (Text(pair[0]), Text(pair[1]));
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    [Fact]
    public async Task Changes_ShowInTheAuditLog_WithUserActionAndBeforeAfter_AndStayInTheirDistrict()
    {
        var dinghai = await app.LoginAs("dinghai");
        var touched = new List<Guid>();

        // Organization renamed.
        var orgName = Unique("审计村");
        var org = await dinghai.Create("/api/organizations", new { name = orgName, kind = "Village", parentId = await dinghai.OrgId("长白乡") });
        await dinghai.PutJson($"/api/organizations/{org}", new { name = orgName + "改", kind = "Village" }).Ok();
        var renamed = await Entry(dinghai, org, "Updated");
        Assert.Equal(("dinghai", "Organization"), (renamed.UserName, renamed.EntityType));
        Assert.Equal((orgName, orgName + "改"), Change(renamed, "Name"));
        Assert.Equal((null, orgName), Change(await Entry(dinghai, org, "Created"), "Name"));
        touched.Add(org);

        // Person: title given.
        var personName = Unique("审计党员");
        var branch = await dinghai.OrgId("三龙村党支部");
        var person = await dinghai.Create("/api/people", new { name = personName, kind = "PartyMember", organizationId = branch, memberStatus = "Formal", isInService = true });
        await dinghai.PutJson($"/api/people/{person}", new { name = personName, kind = "PartyMember", organizationId = branch, memberStatus = "Formal", isInService = true, title = "宣传委员" }).Ok();
        Assert.Equal((null, "宣传委员"), Change(await Entry(dinghai, person, "Updated"), "Title"));
        touched.Add(person);

        // Stationed period and community registration: created, then removed.
        var period = await dinghai.Create($"/api/people/{person}/stationed-periods", new { villageId = await dinghai.OrgId("长白岛三龙村"), kind = "Liaison", startsOn = "2026-04-01", endsOn = "2026-05-31" });
        Assert.Equal((null, "2026-04-01"), Change(await Entry(dinghai, period, "Created"), "StartsOn"));
        var registration = await dinghai.Create($"/api/people/{person}/community-registrations", new { communityId = await dinghai.OrgId("东海社区"), post = "楼道长" });
        await dinghai.DeleteAsync($"/api/people/{person}/community-registrations/{registration}").Ok();
        Assert.Equal(("楼道长", null), Change(await Entry(dinghai, registration, "Deleted"), "Post"));
        touched.AddRange([period, registration]);

        // Alliance described, agreement signed, document attached, meeting changed and deleted.
        var alliance = await dinghai.Create("/api/alliances", new { name = Unique("审计联建"), kind = "Other", leadOrganizationId = await dinghai.OrgId("定海区机关事务管理中心党支部") });
        var details = await dinghai.Alliance(alliance);
        await dinghai.PutJson($"/api/alliances/{alliance}", new { name = details.Alliance.Name, kind = "Other", leadOrganizationId = details.Alliance.LeadOrganizationId, description = "共建共享" }).Ok();
        Assert.Equal((null, "共建共享"), Change(await Entry(dinghai, alliance, "Updated"), "Description"));

        var agreement = await dinghai.Create($"/api/alliances/{alliance}/agreements", new { title = "审计协议", negotiationStartedOn = ChinaToday.AddDays(-5) });
        await dinghai.PostJson($"/api/alliances/{alliance}/agreements/{agreement}/sign", new { on = ChinaToday }).Ok();
        await dinghai.Upload($"/api/alliances/{alliance}/agreements/{agreement}/document", Pdf(), "审计协议.pdf").Ok();
        var agreementChanges = (await dinghai.GetJson<PageDto<AuditRowDto>>($"/api/audit?entityId={agreement}&action=Updated")).Items;
        var signed = Assert.Single(agreementChanges, e => e.Changes.Contains("\"Status\""));
        Assert.Equal(("Negotiating", "Signed"), Change(signed, "Status"));
        Assert.Equal((null, ChinaToday.ToString("yyyy-MM-dd")), Change(signed, "SignedOn"));
        Assert.Equal((null, "审计协议.pdf"), Change(Assert.Single(agreementChanges, e => e.Changes.Contains("DocumentFileName")), "DocumentFileName"));

        var meeting = await dinghai.Create($"/api/alliances/{alliance}/meetings", new { heldAt = "2026-05-15T09:30:00", place = "会议室", topic = "第一次联席会议", attendees = new[] { "甲", "乙" } });
        await dinghai.PutJson($"/api/alliances/{alliance}/meetings/{meeting}", new { heldAt = "2026-05-15T09:30:00", place = "会议室", topic = "第二次联席会议", attendees = new[] { "甲", "乙", "丙" } }).Ok();
        var meetingChanged = await Entry(dinghai, meeting, "Updated");
        Assert.Equal(("第一次联席会议", "第二次联席会议"), Change(meetingChanged, "Topic"));
        Assert.Equal(("甲、乙", "甲、乙、丙"), Change(meetingChanged, "Attendees"));
        await dinghai.DeleteAsync($"/api/alliances/{alliance}/meetings/{meeting}").Ok();
        Assert.Equal(("第二次联席会议", null), Change(await Entry(dinghai, meeting, "Deleted"), "Topic"));
        touched.AddRange([alliance, agreement, meeting]);

        // 普陀's admin sees none of 定海's entries.
        var putuo = await app.LoginAs("putuo");
        foreach (var id in touched)
        {
            Assert.Empty((await putuo.GetJson<PageDto<AuditRowDto>>($"/api/audit?entityId={id}")).Items);
        }

        Assert.Empty((await putuo.GetJson<PageDto<AuditRowDto>>("/api/audit?user=dinghai")).Items);
    }

    [Fact]
    public async Task AuditLog_IsForStaffOnly()
    {
        var member = await app.LoginAs("dangyuan");
        await (await member.GetAsync("/api/audit")).AssertProblem(HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/api/audit")).AssertProblem(HttpStatusCode.Unauthorized);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditApiTests_Sqlite(SqliteApp app) : AuditApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditApiTests_Postgres(PostgresApp app) : AuditApiTests(app);
