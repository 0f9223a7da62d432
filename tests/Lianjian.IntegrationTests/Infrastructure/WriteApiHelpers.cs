using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Lianjian.IntegrationTests.Infrastructure;

public sealed record AllianceRowDto(Guid Id, string Name, string Kind, string KindLabel, Guid LeadOrganizationId, string LeadOrganizationName, int MemberCount, bool IsActive);

public sealed record AllianceMemberDto(Guid OrganizationId, string Name, string? Role, DateOnly? JoinedOn, bool IsLead);

public sealed record AgreementDto(Guid Id, string Title, string Status, string StatusLabel, DateOnly NegotiationStartedOn, DateOnly? SignedOn,
    DateOnly? PerformanceStartedOn, DateOnly? EvaluatedOn, DateOnly? ValidUntil, string? EvaluationResult, string? EvaluationRemark, string? Terms, string? DocumentFileName);

public sealed record JointMeetingDto(Guid Id, DateTime HeldAt, string Place, string Topic, List<string> Attendees, string? Minutes, List<string> Decisions);

public sealed record AllianceDetailsDto(AllianceRowDto Alliance, string? Description, DateOnly? FoundedOn, List<AllianceMemberDto> Members,
    List<AgreementDto> Agreements, List<JointMeetingDto> Meetings);

public sealed record StationedPeriodDto(Guid Id, Guid VillageId, string VillageName, string Kind, string KindLabel, DateOnly StartsOn, DateOnly? EndsOn, string? Remark);

public sealed record CommunityRegistrationDto(Guid Id, Guid CommunityId, string CommunityName, DateOnly RegisteredOn, string? Post);

public sealed record PersonDetailsDto(PersonRowDto Person, List<StationedPeriodDto> StationedPeriods, List<CommunityRegistrationDto> CommunityRegistrations);

public sealed record AuditRowDto(long Id, DateTime At, string UserName, string Action, string EntityType, string EntityId, string? EntityLabel, string Changes);

/// <summary>Intent helpers for the write side: find things by name, create uniquely named things, upload files.</summary>
public static class WriteApiHelpers
{
    /// <summary>Today in China (the API's default date for 签约/履约/评约).</summary>
    public static DateOnly ChinaToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    public static async Task<Guid> OrgId(this HttpClient client, string name)
    {
        var page = await client.GetJson<PageDto<OrgRow>>($"/api/organizations?name={Uri.EscapeDataString(name)}&includeInactive=true&pageSize=200");
        return Assert.Single(page.Items, o => o.Name == name).Id;
    }

    public static async Task<Guid> Create(this HttpClient client, string url, object body)
    {
        var response = await client.PostJson(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Read<Created>()).Id;
    }

    public static async Task Ok(this Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static Task<AllianceDetailsDto> Alliance(this HttpClient client, Guid id) => client.GetJson<AllianceDetailsDto>($"/api/alliances/{id}");

    public static Task<PersonDetailsDto> Person(this HttpClient client, Guid id) => client.GetJson<PersonDetailsDto>($"/api/people/{id}");

    public static Task<HttpResponseMessage> Upload(this HttpClient client, string url, byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return client.PutAsync(url, form);
    }

    public static Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string url, object? body = null) =>
        client.SendAsync(new HttpRequestMessage(method, url)
        {
            Content = body is null ? null : new StringContent(System.Text.Json.JsonSerializer.Serialize(body, ApiExtensions.Json), Encoding.UTF8, "application/json"),
        });

    public static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A small but real PDF (what a scanner or Word's "save as PDF" produces starts the same way).</summary>
    public static byte[] Pdf(string text = "lianjian") =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% {text}\ntrailer <</Root 1 0 R>>\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
}
