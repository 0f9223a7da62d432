using System.Net;
using System.Text.Json;
using Lianjian.IntegrationTests.Infrastructure;

namespace Lianjian.IntegrationTests;

/// <summary>The documented REST API: a browsable reference page, and an OpenAPI document where every operation has a stable name and a Chinese summary.</summary>
public abstract class ApiReferenceTests(LianjianFactory app)
{
    private async Task<JsonElement> Document()
    {
        using var client = app.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync("/api/openapi/v1.json")).RootElement;
    }

    [Fact]
    public async Task ReferencePage_LoadsWithoutSignIn_FromTheAppItself()
    {
        using var client = app.CreateClient();
        var page = await client.GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("联建 Lianjian API 参考", html);
        Assert.Contains("api/openapi/v1.json", html);
        // The script is served by the app (no CDN on a government intranet).
        Assert.Contains("<script src=\"scalar.js\">", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/reference/scalar.js")).StatusCode);
    }

    [Fact]
    public async Task EveryOperation_HasAStableName_AndAChineseSummary()
    {
        var paths = (await Document()).GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Op: op.Value)))
            .ToList();
        Assert.True(operations.Count >= 35, $"only {operations.Count} operations");
        foreach (var (path, method, op) in operations)
        {
            Assert.True(op.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 }, $"{method} {path}: no operationId");
            Assert.True(op.TryGetProperty("summary", out var summary) && System.Text.RegularExpressions.Regex.IsMatch(summary.GetString() ?? "", @"\p{IsCJKUnifiedIdeographs}"),
                $"{method} {path}: no Chinese summary");
        }
    }

    [Theory]
    [InlineData("CreateAlliance")]
    [InlineData("UpdateAlliance")]
    [InlineData("DeactivateAlliance")]
    [InlineData("ReactivateAlliance")]
    [InlineData("AddAllianceMember")]
    [InlineData("RemoveAllianceMember")]
    [InlineData("CreateAgreement")]
    [InlineData("UpdateAgreement")]
    [InlineData("SignAgreement")]
    [InlineData("StartAgreementPerformance")]
    [InlineData("EvaluateAgreement")]
    [InlineData("AttachAgreementDocument")]
    [InlineData("DownloadAgreementDocument")]
    [InlineData("RecordJointMeeting")]
    [InlineData("UpdateJointMeeting")]
    [InlineData("DeleteJointMeeting")]
    [InlineData("AddStationedPeriod")]
    [InlineData("RemoveStationedPeriod")]
    [InlineData("AddCommunityRegistration")]
    [InlineData("RemoveCommunityRegistration")]
    public async Task WriteOperation_IsDocumented(string operationId)
    {
        var operations = (await Document()).GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value);
        Assert.Contains(operations, o => o.TryGetProperty("operationId", out var id) && id.GetString() == operationId);
    }

    [Fact]
    public async Task Document_DeclaresTheBearerScheme()
    {
        var document = await Document();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiReferenceTests_Sqlite(SqliteApp app) : ApiReferenceTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ApiReferenceTests_Postgres(PostgresApp app) : ApiReferenceTests(app);
