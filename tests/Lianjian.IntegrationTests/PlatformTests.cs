using System.Net;
using System.Text.Json;
using Lianjian.IntegrationTests.Infrastructure;

namespace Lianjian.IntegrationTests;

public abstract class PlatformTests(LianjianFactory app)
{
    [Fact]
    public async Task Healthz_ReportsTheDatabase()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var database = body.GetProperty("checks").GetProperty("database");
        Assert.Equal(app.Provider.ToString(), database.GetProperty("data").GetProperty("provider").GetString());
        Assert.Equal(0, database.GetProperty("data").GetProperty("pendingMigrations").GetInt32());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        using var client = app.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/api/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/organizations", "/api/organizations/{id}", "/api/people", "/api/alliances", "/api/auth/token", "/api/audit" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        }
    }

    [Theory]
    [InlineData("/api/organizations")]
    [InlineData("/api/people")]
    [InlineData("/api/alliances")]
    [InlineData("/api/audit")]
    public async Task Anonymous_GetsChinese401(string url)
    {
        using var client = app.CreateClient();
        await (await client.GetAsync(url)).AssertProblem(HttpStatusCode.Unauthorized, "auth.required");
    }

    [Fact]
    public async Task BadToken_GetsChinese401()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        await (await client.GetAsync("/api/organizations")).AssertProblem(HttpStatusCode.Unauthorized, "auth.required");
    }

    [Fact]
    public async Task TokenEndpoint_RejectsWrongPasswordAndMalformedBody()
    {
        using var client = app.CreateClient();
        await (await client.PostJson("/api/auth/token", new { userName = "dinghai", password = "nope" })).AssertProblem(HttpStatusCode.BadRequest, "auth.invalid_credentials");
        await (await client.PostAsync("/api/auth/token", new StringContent("[1,2", System.Text.Encoding.UTF8, "application/json"))).AssertProblem(HttpStatusCode.BadRequest, "request.malformed_json");
        await (await client.PostJson("/api/auth/token", new { userName = new string('a', 5000), password = "x" })).AssertProblem(HttpStatusCode.BadRequest, "auth.missing");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PlatformTests_Sqlite(SqliteApp app) : PlatformTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PlatformTests_Postgres(PostgresApp app) : PlatformTests(app);
