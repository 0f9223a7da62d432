using System.Net;
using Lianjian.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Lianjian.IntegrationTests.Infrastructure.WriteApiHelpers;

namespace Lianjian.IntegrationTests;

public abstract class AlliancesApiTests(LianjianFactory app)
{
    private string AgreementFolder =>
        Path.Combine(app.Services.GetRequiredService<IConfiguration>()["Lianjian:DataDirectory"]!, "files", "agreements");

    private async Task<(HttpClient Client, Guid AllianceId, Guid LeadId)> NewDinghaiAlliance()
    {
        var client = await app.LoginAs("dinghai");
        var lead = await client.OrgId("定海区机关事务管理中心党支部");
        var id = await client.Create("/api/alliances", new { name = Unique("定海联建测试"), kind = "RedAlliance", leadOrganizationId = lead, description = "测试", foundedOn = "2025-06-01" });
        return (client, id, lead);
    }

    [Fact]
    public async Task CreateAlliance_LeadBecomesMember_AndMembersCanBeAddedAndRemoved()
    {
        var (client, id, lead) = await NewDinghaiAlliance();
        var sanlong = await client.OrgId("三龙村党支部");

        var created = await client.Alliance(id);
        var leadMember = Assert.Single(created.Members);
        Assert.True(leadMember.IsLead);
        Assert.Equal(lead, leadMember.OrganizationId);
        Assert.Equal(new DateOnly(2025, 6, 1), leadMember.JoinedOn);

        await client.PostJson($"/api/alliances/{id}/members", new { organizationId = sanlong, role = "海岛村党支部" }).Ok();
        await (await client.PostJson($"/api/alliances/{id}/members", new { organizationId = sanlong })).AssertProblem(HttpStatusCode.Conflict, "alliance.already_member");
        await (await client.DeleteAsync($"/api/alliances/{id}/members/{lead}")).AssertProblem(HttpStatusCode.UnprocessableEntity, "alliance.cannot_remove_lead");
        Assert.Equal("海岛村党支部", (await client.Alliance(id)).Members.Single(m => m.OrganizationId == sanlong).Role);

        await client.DeleteAsync($"/api/alliances/{id}/members/{sanlong}").Ok();
        await (await client.DeleteAsync($"/api/alliances/{id}/members/{sanlong}")).AssertProblem(HttpStatusCode.NotFound, "alliance.member_not_found");
        Assert.DoesNotContain((await client.Alliance(id)).Members, m => m.OrganizationId == sanlong);

        var newName = Unique("定海联建改名");
        await client.PutJson($"/api/alliances/{id}", new { name = newName, kind = "GrandCommittee", leadOrganizationId = lead, description = "新简介" }).Ok();
        var updated = await client.Alliance(id);
        Assert.Equal(newName, updated.Alliance.Name);
        Assert.Equal("大党委", updated.Alliance.KindLabel);
        Assert.Equal("新简介", updated.Description);
        Assert.Contains(await client.GetJson<List<AllianceRowDto>>("/api/alliances"), a => a.Id == id);

        await (await client.PostJson("/api/alliances", new { name = newName, kind = "Other", leadOrganizationId = lead })).AssertProblem(HttpStatusCode.Conflict, "alliance.duplicate_name");
    }

    [Fact]
    public async Task UpdateAlliance_NewLead_JoinsAndTakesOverTheRecords()
    {
        var (client, id, _) = await NewDinghaiAlliance();
        var newLead = await client.OrgId("东海社区党委");
        var alliance = await client.Alliance(id);
        await client.PutJson($"/api/alliances/{id}", new { name = alliance.Alliance.Name, kind = "RedAlliance", leadOrganizationId = newLead }).Ok();
        var updated = await client.Alliance(id);
        Assert.Equal(newLead, updated.Alliance.LeadOrganizationId);
        Assert.Contains(updated.Members, m => m.OrganizationId == newLead && m.IsLead);
        Assert.Equal(2, updated.Members.Count);
    }

    [Fact]
    public async Task Agreement_GoesThroughNegotiateSignPerformEvaluate_AndRejectsStepsOutOfOrder()
    {
        var (client, id, _) = await NewDinghaiAlliance();
        var today = ChinaToday;
        var agreementId = await client.Create($"/api/alliances/{id}/agreements", new
        {
            title = "2026年度党建联建协议", terms = "一、组织共建", negotiationStartedOn = today.AddDays(-60), validUntil = today.AddDays(300),
        });
        var url = $"/api/alliances/{id}/agreements/{agreementId}";

        // 谈约: terms may still change.
        await client.PutJson(url, new { title = "2026年度党建联建协议（修订）", terms = "一、组织共建；二、服务共办", negotiationStartedOn = today.AddDays(-60), validUntil = today.AddDays(300) }).Ok();

        // Out of order: 履约 and 评约 before 签约.
        await (await client.PostJson($"{url}/start-performance", new { on = today })).AssertProblem(HttpStatusCode.UnprocessableEntity, "agreement.wrong_step");
        await (await client.PostJson($"{url}/evaluate", new { result = "Good", on = today })).AssertProblem(HttpStatusCode.UnprocessableEntity, "agreement.wrong_step");
        await (await client.PostJson($"{url}/sign", new { on = today.AddDays(1) })).AssertProblem(HttpStatusCode.BadRequest, "agreement.date_in_future");
        await (await client.PostJson($"{url}/sign", new { on = today.AddDays(-61) })).AssertProblem(HttpStatusCode.BadRequest, "agreement.date_order");
        Assert.Equal("Negotiating", (await client.Alliance(id)).Agreements.Single().Status);

        await client.PostJson($"{url}/sign", new { on = today.AddDays(-30) }).Ok();
        await (await client.PutJson(url, new { title = "改标题", negotiationStartedOn = today.AddDays(-60) })).AssertProblem(HttpStatusCode.UnprocessableEntity, "agreement.terms_fixed");
        await (await client.PostJson($"{url}/sign", new { on = today })).AssertProblem(HttpStatusCode.UnprocessableEntity, "agreement.wrong_step");

        // 履约 with no body: the date defaults to today.
        await client.PostAsync($"{url}/start-performance", null).Ok();
        await client.PostJson($"{url}/evaluate", new { result = "Excellent", remark = "12项任务清单全部完成", on = today }).Ok();
        await (await client.PostJson($"{url}/evaluate", new { result = "Poor", on = today })).AssertProblem(HttpStatusCode.UnprocessableEntity, "agreement.wrong_step");

        var agreement = (await client.Alliance(id)).Agreements.Single();
        Assert.Equal(("Evaluated", "评约"), (agreement.Status, agreement.StatusLabel));
        Assert.Equal(("2026年度党建联建协议（修订）", "一、组织共建；二、服务共办"), (agreement.Title, agreement.Terms));
        Assert.Equal(today.AddDays(-30), agreement.SignedOn);
        Assert.Equal(today, agreement.PerformanceStartedOn);
        Assert.Equal(("优秀", "12项任务清单全部完成"), (agreement.EvaluationResult, agreement.EvaluationRemark));
    }

    [Fact]
    public async Task AgreementDocument_UploadDownloadReplace_FakeAndOversizedRejected()
    {
        var (client, id, _) = await NewDinghaiAlliance();
        var agreementId = await client.Create($"/api/alliances/{id}/agreements", new { title = "协议", negotiationStartedOn = ChinaToday.AddDays(-10) });
        var url = $"/api/alliances/{id}/agreements/{agreementId}/document";
        var before = Directory.Exists(AgreementFolder) ? Directory.GetFiles(AgreementFolder).Length : 0;

        var pdf = Pdf("签约文本");
        await client.Upload(url, pdf, "联建协议.pdf", "application/pdf").Ok();
        Assert.Equal("联建协议.pdf", (await client.Alliance(id)).Agreements.Single().DocumentFileName);

        var download = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("联建协议.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // Stored under the data folder with a random name; the client's name never reaches the disk.
        var stored = Directory.GetFiles(AgreementFolder);
        Assert.Equal(before + 1, stored.Length);
        Assert.Contains(stored, f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f), "^[0-9a-f]{32}\\.pdf$"));
        Assert.DoesNotContain(stored, f => Path.GetFileName(f).Contains("联建协议"));

        // A text file renamed .pdf, and an executable dressed as an image, are refused by content.
        await (await client.Upload(url, "这不是PDF，只是一段文字。"u8.ToArray(), "假协议.pdf", "application/pdf")).AssertProblem(HttpStatusCode.BadRequest, "file.type_not_allowed");
        await (await client.Upload(url, [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0], "photo.jpg", "image/jpeg")).AssertProblem(HttpStatusCode.BadRequest, "file.type_not_allowed");
        await (await client.Upload(url, [], "空.pdf")).AssertProblem(HttpStatusCode.BadRequest, "file.empty");
        // One byte over 10 MB is refused by the use case; far over it, already by the form reader (413).
        var oversized = new byte[10 * 1024 * 1024 + 1];
        Pdf().CopyTo(oversized, 0);
        await (await client.Upload(url, oversized, "大文件.pdf", "application/pdf")).AssertProblem(HttpStatusCode.BadRequest, "file.too_large");
        var huge = new byte[12 * 1024 * 1024];
        Pdf().CopyTo(huge, 0);
        await (await client.Upload(url, huge, "超大文件.pdf", "application/pdf")).AssertProblem(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        Assert.Equal("联建协议.pdf", (await client.Alliance(id)).Agreements.Single().DocumentFileName);
        Assert.Equal(pdf, await (await client.GetAsync(url)).Content.ReadAsByteArrayAsync());

        // Replacing: the real type names the download (a PNG sent as .pdf is a .png) and the old file is removed.
        await client.Upload(url, Png(), "扫描件.pdf").Ok();
        var replaced = await client.GetAsync(url);
        Assert.Equal("image/png", replaced.Content.Headers.ContentType?.MediaType);
        Assert.Equal("扫描件.png", replaced.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(before + 1, Directory.GetFiles(AgreementFolder).Length);
        Assert.Equal("nosniff", replaced.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task AgreementDocument_Missing_IsNotFound()
    {
        var (client, id, _) = await NewDinghaiAlliance();
        var agreementId = await client.Create($"/api/alliances/{id}/agreements", new { title = "协议", negotiationStartedOn = ChinaToday });
        await (await client.GetAsync($"/api/alliances/{id}/agreements/{agreementId}/document")).AssertProblem(HttpStatusCode.NotFound, "agreement.document_missing");
    }

    [Fact]
    public async Task JointMeeting_RecordUpdateDelete()
    {
        var (client, id, _) = await NewDinghaiAlliance();
        var meetingId = await client.Create($"/api/alliances/{id}/meetings", new
        {
            heldAt = "2026-05-15T09:30:00", place = "定海区机关事务管理中心三楼会议室", topic = "2026年联席会议",
            attendees = new[] { "定海区机关事务管理中心党支部", " 三龙村党支部 ", "" }, minutes = "听取三龙村需求。", decisions = new[] { "调配旧电脑", "每季度通报" },
        });
        var meeting = Assert.Single((await client.Alliance(id)).Meetings);
        Assert.Equal(meetingId, meeting.Id);
        Assert.Equal(new DateTime(2026, 5, 15, 1, 30, 0, DateTimeKind.Utc), meeting.HeldAt.ToUniversalTime());
        Assert.Equal(["定海区机关事务管理中心党支部", "三龙村党支部"], meeting.Attendees);
        Assert.Equal(["调配旧电脑", "每季度通报"], meeting.Decisions);

        await client.PutJson($"/api/alliances/{id}/meetings/{meetingId}", new
        {
            heldAt = "2026-05-16T02:00:00Z", place = "三龙村村委会", topic = "2026年联席会议（改期）", attendees = new[] { "三龙村党支部" }, decisions = Array.Empty<string>(),
        }).Ok();
        meeting = Assert.Single((await client.Alliance(id)).Meetings);
        Assert.Equal(("三龙村村委会", "2026年联席会议（改期）", (string?)null), (meeting.Place, meeting.Topic, meeting.Minutes));
        Assert.Equal(new DateTime(2026, 5, 16, 2, 0, 0, DateTimeKind.Utc), meeting.HeldAt.ToUniversalTime());
        Assert.Empty(meeting.Decisions);

        await client.DeleteAsync($"/api/alliances/{id}/meetings/{meetingId}").Ok();
        Assert.Empty((await client.Alliance(id)).Meetings);
        await (await client.DeleteAsync($"/api/alliances/{id}/meetings/{meetingId}")).AssertProblem(HttpStatusCode.NotFound, "meeting.not_found");
    }

    [Fact]
    public async Task DeactivatedAlliance_IsReadOnly_UntilReactivated()
    {
        var (client, id, _) = await NewDinghaiAlliance();
        await client.PostAsync($"/api/alliances/{id}/deactivate", null).Ok();
        Assert.False((await client.Alliance(id)).Alliance.IsActive);
        await (await client.PostJson($"/api/alliances/{id}/meetings", new { heldAt = "2026-05-15T09:30:00+08:00", place = "会议室", topic = "会议" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "alliance.inactive");
        await (await client.PostJson($"/api/alliances/{id}/agreements", new { title = "协议", negotiationStartedOn = ChinaToday }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "alliance.inactive");
        await client.PostAsync($"/api/alliances/{id}/reactivate", null).Ok();
        await client.Create($"/api/alliances/{id}/meetings", new { heldAt = "2026-05-15T09:30:00+08:00", place = "会议室", topic = "会议" });
    }

    [Fact]
    public async Task MemberWhoIsNotLead_CanRead_ButNotChange()
    {
        // The demo 三龙村三级联建片组 is led by a city branch; 定海's 三龙村党支部 is a member.
        var dinghai = await app.LoginAs("dinghai");
        var alliance = Assert.Single(await dinghai.GetJson<List<AllianceRowDto>>("/api/alliances?name=三龙村三级联建片组"));
        var details = await dinghai.Alliance(alliance.Id);
        var agreement = details.Agreements.First();

        await (await dinghai.PutJson($"/api/alliances/{alliance.Id}", new { name = "改名", kind = "ThreeLevel", leadOrganizationId = alliance.LeadOrganizationId }))
            .AssertProblem(HttpStatusCode.Forbidden, "alliance.lead_only");
        await (await dinghai.PostJson($"/api/alliances/{alliance.Id}/meetings", new { heldAt = "2026-05-15T09:30:00", place = "会议室", topic = "会议" }))
            .AssertProblem(HttpStatusCode.Forbidden, "alliance.lead_only");
        await (await dinghai.PostJson($"/api/alliances/{alliance.Id}/agreements/{agreement.Id}/evaluate", new { result = "Poor" }))
            .AssertProblem(HttpStatusCode.Forbidden, "alliance.lead_only");

        // The city's committee admin, whose subtree holds the lead, may change it.
        var gongwei = await app.LoginAs("gongwei");
        var meetingId = await gongwei.Create($"/api/alliances/{alliance.Id}/meetings", new { heldAt = "2026-06-01T09:00:00", place = "三龙村", topic = Unique("工委联席会议") });
        Assert.Contains((await dinghai.Alliance(alliance.Id)).Meetings, m => m.Id == meetingId);
        await gongwei.DeleteAsync($"/api/alliances/{alliance.Id}/meetings/{meetingId}").Ok();
    }

    [Fact]
    public async Task CommitteeAdmin_LinksOrganizationsAcrossTrees_OrganizationAdmin_OnlyTheirOwn()
    {
        var (dinghai, id, _) = await NewDinghaiAlliance();
        var gongwei = await app.LoginAs("gongwei");
        var cityBranch = await gongwei.OrgId("中心机关第二党支部");
        await (await dinghai.PostJson($"/api/alliances/{id}/members", new { organizationId = cityBranch }))
            .AssertProblem(HttpStatusCode.NotFound, "alliance.organization_not_found");
        await gongwei.PostJson($"/api/alliances/{id}/members", new { organizationId = cityBranch, role = "市级结对支部" }).Ok();
        Assert.Contains((await dinghai.Alliance(id)).Members, m => m.OrganizationId == cityBranch && m.Role == "市级结对支部");
    }

    [Fact]
    public async Task MemberRole_CannotChangeAlliances()
    {
        var member = await app.LoginAs("dangyuan");
        var response = await member.PostJson("/api/alliances", new { name = "党员建的联建", kind = "Other", leadOrganizationId = Guid.NewGuid() });
        await response.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AlliancesApiTests_Sqlite(SqliteApp app) : AlliancesApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AlliancesApiTests_Postgres(PostgresApp app) : AlliancesApiTests(app);
