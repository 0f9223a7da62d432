using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianjian.IntegrationTests.Infrastructure;

public static class ApiExtensions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> Read<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static async Task<T> GetJson<T>(this HttpClient client, string url) => await (await client.GetAsync(url)).Read<T>();

    /// <summary>Asserts a ProblemDetails answer with the given status and stable code, and a Chinese detail.</summary>
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString() ?? "");
        var problem = JsonDocument.Parse(body).RootElement;
        if (code is not null) Assert.Equal(code, problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString() ?? "";
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", detail);
        return problem;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body, Json);
}

public sealed record PageDto<T>(List<T> Items, int Total, int PageNumber, int PageSize);

public sealed record OrgRow(Guid Id, string Name, string Kind, int? GridLevel, Guid? ParentId, int Depth, bool IsActive, bool HasChildren);

public sealed record OrgDetails(Guid Id, string Name, string Kind, int? GridLevel, Guid? ParentId, string? ParentName, bool IsActive, int ChildCount);

public sealed record PersonRowDto(Guid Id, string Name, string Kind, Guid OrganizationId, string OrganizationName, string? Phone, string? IdNumber, bool IsActive);

public sealed record Created(Guid Id);
