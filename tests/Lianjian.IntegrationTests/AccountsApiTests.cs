using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Lianjian.IntegrationTests.Infrastructure;

namespace Lianjian.IntegrationTests;

public abstract class AccountsApiTests(LianjianFactory app)
{
    private sealed record AccountRowDto(Guid Id, string UserName, List<string> Roles, List<string> OrganizationNames, bool IsActive);

    private async Task<Guid> OrgId(HttpClient client, string name) =>
        (await client.GetJson<PageDto<OrgRow>>($"/api/organizations?name={Uri.EscapeDataString(name)}")).Items.Single(o => o.Name == name).Id;

    [Fact]
    public async Task OrgAdmin_CreatesMemberAccount_InScope_ThatCanSignIn()
    {
        var dinghai = await app.LoginAs("dinghai");
        var village = await OrgId(dinghai, "长白岛三龙村");
        var userName = "sl" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await dinghai.PostJson("/api/accounts", new { userName, displayName = "三龙村党员", roles = new[] { "Member" }, organizationIds = new[] { village }, password = "Sanlong2026" })).Read<Created>();

        using var anonymous = app.CreateClient();
        var token = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = "Sanlong2026" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var list = await dinghai.GetJson<PageDto<AccountRowDto>>($"/api/accounts?text={userName}");
        Assert.Equal(created.Id, Assert.Single(list.Items).Id);
    }

    [Fact]
    public async Task BearerTokens_AreReadThroughTheTicketCache_AndAForgedOneIsRefused()
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme);
        Assert.IsType<Lianjian.Web.Modules.Accounts.BearerTicketCache>(options.BearerTokenProtector);

        var dinghai = await app.LoginAs("dinghai");
        Assert.Equal(HttpStatusCode.OK, (await dinghai.GetAsync("/api/organizations?pageSize=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dinghai.GetAsync("/api/organizations?pageSize=1")).StatusCode);
        using var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", dinghai.DefaultRequestHeaders.Authorization!.Parameter![..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/organizations?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task ChangingAnAccountsOrganizations_AppliesToItsNextRequest()
    {
        // The scope is shared between an account's requests for a while (AccessCache): a saved change must still show at once.
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await OrgId(dinghai, "长白岛三龙村");
        var county = await OrgId(dinghai, "定海区");
        var userName = "sc" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await dinghai.PostJson("/api/accounts", new { userName, displayName = "范围测试", roles = new[] { "OrganizationAdmin" }, organizationIds = new[] { sanlong }, password = "Scope20261" })).Read<Created>();
        var user = await app.LoginAs(userName, "Scope20261");

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/organizations/{sanlong}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/organizations/{county}")).StatusCode);

        (await dinghai.PutJson($"/api/accounts/{created.Id}", new { displayName = "范围测试", roles = new[] { "OrganizationAdmin" }, organizationIds = new[] { county }, isActive = true })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/organizations/{county}")).StatusCode);

        (await dinghai.PutJson($"/api/accounts/{created.Id}", new { displayName = "范围测试", roles = new[] { "OrganizationAdmin" }, organizationIds = new[] { sanlong }, isActive = true })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/organizations/{county}")).StatusCode);
    }

    [Fact]
    public async Task OrgAdmin_CannotGrantCommitteeAdmin_NorUseOutOfScopeOrganization()
    {
        var dinghai = await app.LoginAs("dinghai");
        var village = await OrgId(dinghai, "长白岛三龙村");
        var putuoVillage = await OrgId(await app.LoginAs("putuo"), "葫芦岛村");

        await (await dinghai.PostJson("/api/accounts", new { userName = "x" + Guid.NewGuid().ToString("N")[..6], displayName = "越权", roles = new[] { "CommitteeAdmin" }, organizationIds = new[] { village }, password = "Abcdefg123" }))
            .AssertProblem(HttpStatusCode.Forbidden, "account.role_not_grantable");
        await (await dinghai.PostJson("/api/accounts", new { userName = "x" + Guid.NewGuid().ToString("N")[..6], displayName = "越权", roles = new[] { "Member" }, organizationIds = new[] { putuoVillage }, password = "Abcdefg123" }))
            .AssertProblem(HttpStatusCode.NotFound, "account.organization_not_found");
    }

    [Fact]
    public async Task OrgAdmin_CannotSeeOrEditAccountsOfAnotherDistrict()
    {
        var putuo = await app.LoginAs("putuo");
        var own = (await putuo.GetJson<PageDto<AccountRowDto>>("/api/accounts?text=putuo")).Items.Single(a => a.UserName == "putuo");
        var dinghai = await app.LoginAs("dinghai");
        var visible = await dinghai.GetJson<PageDto<AccountRowDto>>("/api/accounts?pageSize=200");
        Assert.DoesNotContain(visible.Items, a => a.UserName is "putuo" or "admin" or "gongwei");
        await (await dinghai.PutJson($"/api/accounts/{own.Id}", new { displayName = "改", roles = new[] { "Member" }, organizationIds = Array.Empty<Guid>(), isActive = false }))
            .AssertProblem(HttpStatusCode.NotFound, "account.not_found");
        await (await dinghai.PostJson($"/api/accounts/{own.Id}/reset-password", new { password = "Hacked12345" })).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Member_CannotManageAccounts()
    {
        var member = await app.LoginAs("dangyuan");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/accounts")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordFiveTimes_LocksTheAccount()
    {
        var admin = await app.LoginAs("admin");
        var city = await OrgId(admin, "舟山市");
        var userName = "lock" + Guid.NewGuid().ToString("N")[..6];
        await (await admin.PostJson("/api/accounts", new { userName, displayName = "锁定测试", roles = new[] { "Member" }, organizationIds = new[] { city }, password = "Correct12345" })).Read<Created>();
        using var anonymous = app.CreateClient();
        for (var i = 0; i < 5; i++) await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = "wrong" });
        var locked = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = "Correct12345" });
        await locked.AssertProblem(HttpStatusCode.Forbidden, "auth.locked_out");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountsApiTests_Sqlite(SqliteApp app) : AccountsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountsApiTests_Postgres(PostgresApp app) : AccountsApiTests(app);
