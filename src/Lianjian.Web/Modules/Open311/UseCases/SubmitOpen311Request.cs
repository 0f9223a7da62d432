using System.Globalization;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Open311.UseCases;

/// <summary>The arguments of GeoReport v2 POST requests.{format}, as the client sent them (form fields, unparsed).</summary>
public sealed record Open311RequestInput(
    string? ApiKey,
    string? ServiceCode,
    string? Lat,
    string? Long,
    string? AddressString,
    string? AddressId,
    string? PlaceId,
    string? Description,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? MediaUrl);

public static class Open311Errors
{
    public static Error InvalidApiKey { get; } = Error.Forbidden("open311.invalid_api_key", "api_key 缺失、无效或已停用，不能提交服务请求。");

    public static Error MissingServiceCode { get; } = Field("open311.missing_service_code", "service_code", "缺少 service_code（服务类别代码）。");

    public static Error UnknownService(string code) => Error.NotFound("open311.unknown_service_code", $"没有代码为“{code}”的服务类别，或该类别已停用。");

    public static Error BadCoordinates { get; } = Field("open311.bad_coordinates", "lat", "lat 和 long 须同时提供，且为十进制数字（WGS84）。");

    public static Error MissingLocation { get; } = Field("open311.missing_location", "address_string", "须提供位置：lat 和 long、address_string 或 address_id 之一。");

    public static Error BadPlaceId { get; } = Field("open311.bad_place_id", "place_id", "place_id / address_id 须为组织编号（GUID）。");

    public static Error UnresolvedPlace { get; } = Field("open311.unresolved_place", "address_string",
        "无法确定所在的村、社区或网格：请用 place_id（组织编号）指明，或在 address_string 中填写组织全称。");

    public static Error AmbiguousPlace { get; } = Field("open311.ambiguous_place", "address_string", "address_string 对应多个同名组织，请改用 place_id 指明。");

    private static Error Field(string code, string field, string message) =>
        Error.Validation(code, message, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// GeoReport v2 POST requests: checks the client's API key, finds the category by service_code and the place by our
/// <c>place_id</c> extension (or the spec's address_id, also an organization id) or else by an address_string equal to an
/// organization's name, and hands the rest to <see cref="SubmitWorkOrder"/> on the Open311 channel. The submission is
/// anonymous to the app's identity (the key identifies the client, not a person); first/last name and phone become the
/// requester's name and phone (never shown by the public GET methods); media_url is kept in the description; email,
/// device_id and account_id are not stored.
/// </summary>
public sealed class SubmitOpen311Request(AppDbContext db, Open311Keys keys, SubmitWorkOrder submit)
{
    public async Task<Result<SubmittedWorkOrder>> ExecuteAsync(Open311RequestInput input, CancellationToken ct = default)
    {
        if (await keys.FindActiveAsync(input.ApiKey, ct) is null) return Open311Errors.InvalidApiKey;

        var serviceCode = TextInput.TrimOrNull(input.ServiceCode);
        if (serviceCode is null) return Open311Errors.MissingServiceCode;
        var category = await db.WorkOrderCategories.AsNoTracking().Where(c => c.Code == serviceCode && c.IsActive).Select(c => new { c.Id }).FirstOrDefaultAsync(ct);
        if (category is null) return Open311Errors.UnknownService(serviceCode);

        double? lat = null, lng = null;
        var latText = TextInput.TrimOrNull(input.Lat);
        var longText = TextInput.TrimOrNull(input.Long);
        if (latText is not null || longText is not null)
        {
            if (!TryParseDegrees(latText, out var la) || !TryParseDegrees(longText, out var lo)) return Open311Errors.BadCoordinates;
            (lat, lng) = (la, lo);
        }

        var addressString = TextInput.TrimOrNull(input.AddressString);
        var placeText = TextInput.TrimOrNull(input.PlaceId) ?? TextInput.TrimOrNull(input.AddressId);
        if (lat is null && addressString is null && placeText is null) return Open311Errors.MissingLocation;

        Guid placeId;
        if (placeText is not null)
        {
            if (!Guid.TryParse(placeText, out placeId)) return Open311Errors.BadPlaceId;
        }
        else if (addressString is not null)
        {
            var matches = await db.Organizations.AsNoTracking().Where(o => o.Name == addressString && o.IsActive).Select(o => o.Id).Take(2).ToListAsync(ct);
            if (matches.Count == 0) return Open311Errors.UnresolvedPlace;
            if (matches.Count > 1) return Open311Errors.AmbiguousPlace;
            placeId = matches[0];
        }
        else
        {
            return Open311Errors.UnresolvedPlace;
        }

        var description = TextInput.TrimOrNull(input.Description);
        if (description is not null && MediaUrl(input.MediaUrl) is { } media) description += $"\n\n图片链接：{media}";

        var order = new SubmitWorkOrderInput(
            // An address_string that named the place adds nothing to it; beside a place_id it is the detailed address.
            category.Id, description, placeId, placeText is null ? null : addressString, RequesterName(input.FirstName, input.LastName), TextInput.TrimOrNull(input.Phone), lat, lng);
        return await submit.ExecuteAsync(order, WorkOrderChannel.Open311, null, ct);
    }

    private static bool TryParseDegrees(string? text, out double value)
    {
        value = 0;
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static string? MediaUrl(string? text) =>
        Uri.TryCreate(TextInput.TrimOrNull(text), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    /// <summary>Chinese order (family name first, no space) unless the name is written in Latin letters.</summary>
    private static string? RequesterName(string? first, string? last)
    {
        var (given, family) = (TextInput.TrimOrNull(first), TextInput.TrimOrNull(last));
        if (given is null || family is null) return given ?? family;
        return (given + family).All(c => c < 128) ? $"{given} {family}" : family + given;
    }

}
