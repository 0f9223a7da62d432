using System.Net;
using Lianjian.IntegrationTests.Infrastructure;

namespace Lianjian.IntegrationTests;

public abstract class OrganizationsApiTests(LianjianFactory app)
{
    private async Task<OrgRow> Find(HttpClient client, string name)
    {
        var page = await client.GetJson<PageDto<OrgRow>>($"/api/organizations?name={Uri.EscapeDataString(name)}&includeInactive=true");
        return Assert.Single(page.Items, o => o.Name == name);
    }

    [Fact]
    public async Task Create_Move_Deactivate_Subtree_RoundTrip()
    {
        var client = await app.LoginAs("dinghai");
        var township = await Find(client, "长白乡");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var created = await (await client.PostJson("/api/organizations", new { name = "测试村" + suffix, kind = "Village", parentId = township.Id })).Read<Created>();
        var branch = await (await client.PostJson("/api/organizations", new { name = "测试村党支部" + suffix, kind = "Branch", parentId = created.Id })).Read<Created>();

        var huannan = await Find(client, "环南街道");
        (await client.PostJson($"/api/organizations/{created.Id}/move", new { parentId = huannan.Id })).EnsureSuccessStatusCode();
        var under = await client.GetJson<PageDto<OrgRow>>($"/api/organizations?under={huannan.Id}&pageSize=200");
        Assert.Contains(under.Items, o => o.Id == branch.Id);
        Assert.Equal(under.Items.Single(o => o.Id == created.Id).Depth + 1, under.Items.Single(o => o.Id == branch.Id).Depth);
        Assert.True(under.Items.Single(o => o.Id == created.Id).HasChildren);
        Assert.False(under.Items.Single(o => o.Id == branch.Id).HasChildren);
        var level = await client.GetJson<List<OrgRow>>($"/api/organizations/tree?parentId={huannan.Id}");
        Assert.True(level.Single(o => o.Id == created.Id).HasChildren);

        await (await client.PostAsync($"/api/organizations/{created.Id}/deactivate", null)).AssertProblem(HttpStatusCode.UnprocessableEntity, "organization.has_active_children");
        (await client.PostAsync($"/api/organizations/{branch.Id}/deactivate", null)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/organizations/{created.Id}/deactivate", null)).EnsureSuccessStatusCode();
        var details = await client.GetJson<OrgDetails>($"/api/organizations/{created.Id}");
        Assert.False(details.IsActive);
    }

    [Fact]
    public async Task Move_UnderOwnDescendant_IsRejectedAsCycle()
    {
        var client = await app.LoginAs("dinghai");
        var township = await Find(client, "环南街道");
        var grid = await Find(client, "东海苑小区");
        var response = await client.PostJson($"/api/organizations/{township.Id}/move", new { parentId = grid.Id });
        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "organization.move_cycle");
    }

    [Fact]
    public async Task Grid_SixthLevel_IsRejected()
    {
        var client = await app.LoginAs("dinghai");
        var unit = await Find(client, "东海苑3幢2单元");
        Assert.Equal(5, unit.GridLevel);
        var response = await client.PostJson("/api/organizations", new { name = "第六级网格", kind = "Grid", parentId = unit.Id });
        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "organization.grid_too_deep");
    }

    [Fact]
    public async Task DinghaiAdmin_CannotSeeOrChangePutuo()
    {
        var putuoClient = await app.LoginAs("putuo");
        var putuoVillage = await Find(putuoClient, "葫芦岛村");
        var dinghai = await app.LoginAs("dinghai");

        await (await dinghai.GetAsync($"/api/organizations/{putuoVillage.Id}")).AssertProblem(HttpStatusCode.NotFound, "organization.not_found");
        await (await dinghai.PutJson($"/api/organizations/{putuoVillage.Id}", new { name = "改名", kind = "Village" })).AssertProblem(HttpStatusCode.NotFound);
        await (await dinghai.PostJson("/api/organizations", new { name = "越权", kind = "Branch", parentId = putuoVillage.Id })).AssertProblem(HttpStatusCode.NotFound, "organization.parent_not_found");
        var search = await dinghai.GetJson<PageDto<OrgRow>>("/api/organizations?name=葫芦岛");
        Assert.Empty(search.Items);
    }

    [Fact]
    public async Task MalformedAndOversizedInput_GetChineseProblems()
    {
        var client = await app.LoginAs("dinghai");
        var malformed = new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/organizations", malformed)).AssertProblem(HttpStatusCode.BadRequest, "request.malformed_json");
        var wrongType = new StringContent("{\"name\": 5, \"kind\": \"Village\"}", System.Text.Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/organizations", wrongType)).AssertProblem(HttpStatusCode.BadRequest, "request.malformed_json");
        var township = await Find(client, "长白乡");
        await (await client.PostJson("/api/organizations", new { name = new string('村', 500), kind = "Village", parentId = township.Id })).AssertProblem(HttpStatusCode.BadRequest, "validation");
        await (await client.PostJson("/api/organizations", new { name = "x", kind = "Nonsense", parentId = township.Id })).AssertProblem(HttpStatusCode.BadRequest, "request.malformed_json");
        await (await client.GetAsync("/api/organizations/not-a-guid")).AssertProblem(HttpStatusCode.NotFound);
        var numericKind = new StringContent($"{{\"name\": \"数字类型\", \"kind\": 99, \"parentId\": \"{township.Id}\"}}", System.Text.Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/organizations", numericKind)).AssertProblem(HttpStatusCode.BadRequest, "request.malformed_json");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrganizationsApiTests_Sqlite(SqliteApp app) : OrganizationsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OrganizationsApiTests_Postgres(PostgresApp app) : OrganizationsApiTests(app);
