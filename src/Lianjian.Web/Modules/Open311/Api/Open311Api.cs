using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Lianjian.Web.Modules.Accounts;
using Lianjian.Web.Modules.Open311.Queries;
using Lianjian.Web.Modules.Open311.UseCases;
using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Results;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Lianjian.Web.Modules.Open311.Api;

/// <summary>
/// Open311 GeoReport v2 at /open311/v2 (docs/open311.md): discovery, services, a service's definition, POST and GET
/// requests, one request, and tokens — each in xml (the spec's required format) and json. Every failure answers the
/// spec's error list (errors/error with code and description) with 400, 403 or 404, never a ProblemDetails or a 500.
/// </summary>
public static partial class Open311Api
{
    public const string Root = "/open311/v2";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>The spec's response volume: at most 90 days and the first 1000 requests.</summary>
    public const int MaxDays = 90;

    public const int MaxRequests = 1000;

    /// <summary>When this endpoint's interface last changed (discovery's changeset).</summary>
    public static readonly DateTime Changeset = new(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Root).WithTags("Open311").AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                // “400 - General service error”: nothing escapes as a 500 or a ProblemDetails.
                var http = context.HttpContext;
                try
                {
                    return await next(context);
                }
                catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
                {
                    http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Open311Api)).LogError(e, "Open311 {Method} {Path} failed", http.Request.Method, http.Request.Path);
                    return Errors(FormatOf(http), StatusCodes.Status400BadRequest, ("open311.service_error", "服务暂时无法处理该请求，请稍后再试；如果问题持续，请联系平台管理员。"));
                }
            });

        api.MapGet("/discovery.{format}", (string format, HttpContext http) => WithFormat(format, f => Document(f, "discovery", Discovery(http))));

        api.MapGet("/services.{format}", (string format, CategoriesQuery categories, CancellationToken ct) => WithFormatAsync(format, async f =>
        {
            var services = (await categories.ListAsync(includeInactive: false, ct)).Select(c => (object?)new O311Object(
                ("service_code", c.Code), ("service_name", c.Name), ("description", c.Description), ("metadata", false), ("type", "realtime"),
                ("keywords", string.Join(", ", new[] { c.Name, c.KindLabel }.Distinct())), ("group", c.KindLabel))).ToList();
            return Document(f, "services", new O311Array("service", services));
        }));

        api.MapGet("/services/{service_code}.{format}", (string service_code, string format, CategoriesQuery categories, CancellationToken ct) => WithFormatAsync(format, async f =>
        {
            var category = (await categories.ListAsync(includeInactive: false, ct)).FirstOrDefault(c => c.Code == service_code);
            if (category is null) return Errors(f, StatusCodes.Status404NotFound, ("open311.unknown_service_code", $"没有代码为“{service_code}”的服务类别，或该类别已停用。"));
            // Our services have no extra attributes (metadata=false): the definition lists none.
            return Document(f, "service_definition", new O311Object(("service_code", category.Code), ("attributes", new O311Array("attribute", []))));
        }));

        api.MapPost("/requests.{format}", (string format, HttpContext http, SubmitOpen311Request submit, CancellationToken ct) => WithFormatAsync(format, f => PostAsync(f, http, submit, ct)))
            .DisableAntiforgery();

        api.MapGet("/requests.{format}", (string format, HttpContext http, Open311Requests requests, TimeProvider clock, CancellationToken ct) => WithFormatAsync(format, async f =>
        {
            var filter = ParseFilter(http.Request.Query, clock.GetUtcNow().UtcDateTime);
            if (!filter.IsSuccess) return Errors(f, filter.Error);
            var found = await requests.ListAsync(filter.Value, ct);
            if (filter.Value.Ids is not null)
            {
                // The number's date part must match too (GD-20260101-000042 is not GD-20270101-000042).
                var asked = Csv(http.Request.Query["service_request_id"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
                found = [.. found.Where(r => asked.Contains(r.ServiceRequestId))];
            }

            return Document(f, "service_requests", new O311Array("request", [.. found.Select(Request)]));
        }));

        api.MapGet("/requests/{service_request_id}.{format}", (string service_request_id, string format, Open311Requests requests, CancellationToken ct) => WithFormatAsync(format, async f =>
        {
            var found = await requests.ByNumberAsync(service_request_id, ct);
            return found is null
                ? Errors(f, StatusCodes.Status404NotFound, ("open311.unknown_service_request_id", $"没有编号为“{service_request_id}”的服务请求。"))
                : Document(f, "service_requests", new O311Array("request", [Request(found)]));
        }));

        api.MapGet("/tokens/{token}.{format}", (string token, string format, Open311Requests requests, CancellationToken ct) => WithFormatAsync(format, async f =>
        {
            var number = await requests.NumberByTokenAsync(token, ct);
            return number is null
                ? Errors(f, StatusCodes.Status404NotFound, ("open311.unknown_token", "没有与该 token 对应的服务请求。"))
                : Document(f, "service_requests", new O311Array("request", [new O311Object(("service_request_id", number), ("token", token))]));
        }));

        // Anything else under the root: the spec's 404, not the app's ProblemDetails.
        api.MapFallback("{**path}", (HttpContext http) =>
            Errors(FormatOf(http), StatusCodes.Status404NotFound, ("open311.not_found", "没有这个 Open311 接口地址，请核对 URL（例如 /open311/v2/services.xml）。")));
    }

    private static async Task<IResult> PostAsync(Open311Format f, HttpContext http, SubmitOpen311Request submit, CancellationToken ct)
    {
        // The spec: “Content-Type: application/x-www-form-urlencoded”.
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Errors(f, StatusCodes.Status400BadRequest, ("open311.not_form_encoded", "请求须以 application/x-www-form-urlencoded 表单提交（Content-Type: application/x-www-form-urlencoded; charset=utf-8）。"));
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Errors(f, StatusCodes.Status400BadRequest, ("open311.malformed_form", "表单内容无法解析或过大。"));
        }

        // Anonymous to the app's identity: the API key identifies the client, no signed-in account submits (SubmittedByUserId stays null).
        http.RequestServices.GetRequiredService<CurrentUser>().SetPrincipal(new ClaimsPrincipal(new ClaimsIdentity()));

        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var input = new Open311RequestInput(
            Field("api_key") ?? http.Request.Query["api_key"].ToString(), Field("service_code"), Field("lat"), Field("long"), Field("address_string"),
            Field("address_id"), Field("place_id"), Field("description"), Field("first_name"), Field("last_name"), Field("phone"), Field("media_url"));
        var result = await submit.ExecuteAsync(input, ct);
        if (!result.IsSuccess) return Errors(f, result.Error);
        var order = result.Value;
        return Document(f, "service_requests", new O311Array("request",
        [
            new O311Object(
                ("service_request_id", order.Number),
                ("service_notice", Open311Requests.Notice(order.ResponseDeadline, order.ResolutionDeadline)),
                ("account_id", null),
                // Not a batch token: the requester's tracking key (GET tokens/{token}, and the tracking page /m/t/{token}).
                ("token", order.TrackingToken)),
        ]));
    }

    private static object? Request(Open311Request r) => new O311Object(
        ("service_request_id", r.ServiceRequestId),
        ("status", r.Status),
        ("status_notes", r.StatusNotes),
        ("service_name", r.ServiceName),
        ("service_code", r.ServiceCode),
        ("description", r.Description),
        ("agency_responsible", r.AgencyResponsible),
        ("service_notice", r.ServiceNotice),
        ("requested_datetime", r.RequestedAt),
        ("updated_datetime", r.UpdatedAt),
        ("expected_datetime", r.ExpectedAt),
        ("address", r.Address),
        ("address_id", r.AddressId.ToString()),
        ("zipcode", null),
        ("lat", r.Latitude),
        ("long", r.Longitude),
        ("media_url", null));

    private static O311Object Discovery(HttpContext http)
    {
        var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Root}";
        return new O311Object(
            ("changeset", Changeset),
            ("contact", "联建平台管理员（舟山市委组织部 / 工委）"),
            ("key_service", "接口密钥由系统管理员或工委管理员在后台“Open311 接口密钥”页面（/admin/open311）发放"),
            ("endpoints", new O311Array("endpoint",
            [
                new O311Object(
                    ("specification", Specification),
                    ("url", url),
                    ("changeset", Changeset),
                    ("type", "production"),
                    ("formats", new O311Array("format", [Open311Documents.XmlContentType.Split(';')[0], Open311Documents.JsonContentType.Split(';')[0]]))),
            ])));
    }

    /// <summary>Reads the GET requests arguments: service_request_id overrides the rest; the window defaults to the last 90 days.</summary>
    public static Result<Open311RequestFilter> ParseFilter(IQueryCollection query, DateTime nowUtc)
    {
        var limit = MaxRequests;
        if (Blank(query["limit"]) is { } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxRequests))
        {
            return Invalid("open311.bad_limit", "limit", $"limit 须为1到{MaxRequests}之间的整数。");
        }

        var ids = Csv(query["service_request_id"]);
        if (ids.Count > 0)
        {
            var parsed = new List<long>();
            foreach (var id in ids)
            {
                if (!WorkOrders.WorkOrder.TryParseNumber(id, out var n, out _)) return Invalid("open311.bad_service_request_id", "service_request_id", $"service_request_id “{id}” 格式不正确（应为 GD-年月日-序号）。");
                parsed.Add(n);
            }

            return new Open311RequestFilter(parsed, null, DateTime.MinValue, DateTime.MaxValue, null, limit);
        }

        var codes = Csv(query["service_code"]);
        bool? open = null;
        var statuses = Csv(query["status"]);
        foreach (var s in statuses)
        {
            if (s is not ("open" or "closed")) return Invalid("open311.bad_status", "status", $"status “{s}” 不正确：只能是 open 或 closed。");
        }

        if (statuses.Count > 0 && statuses.Distinct().Count() == 1) open = statuses[0] == "open";

        if (!TryParseDate(query["start_date"], out var start)) return Invalid("open311.bad_start_date", "start_date", "start_date 须为 W3C 日期时间格式，例如 2026-01-01T00:00:00+08:00。");
        if (!TryParseDate(query["end_date"], out var end)) return Invalid("open311.bad_end_date", "end_date", "end_date 须为 W3C 日期时间格式，例如 2026-03-31T23:59:59+08:00。");
        var to = end ?? (start is { } s0 ? s0.AddDays(MaxDays) : nowUtc);
        var from = start ?? to.AddDays(-MaxDays);
        if (to < from) return Invalid("open311.bad_date_range", "end_date", "end_date 不能早于 start_date。");
        if (to - from > TimeSpan.FromDays(MaxDays)) return Invalid("open311.date_range_too_long", "end_date", $"查询时间段不能超过{MaxDays}天。");
        return new Open311RequestFilter(null, codes.Count > 0 ? codes : null, from, to, open, limit);
    }

    private static Result<Open311RequestFilter> Invalid(string code, string field, string message) =>
        Error.Validation(code, message, new Dictionary<string, string[]> { [field] = [message] });

    private static bool TryParseDate(StringValues values, out DateTime? utc)
    {
        utc = null;
        if (Blank(values) is not { } text) return true;
        if (!W3Date().IsMatch(text) || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)) return false;
        utc = ChinaClock.ToUtc(parsed);
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$")]
    private static partial Regex W3Date();

    private static List<string> Csv(StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0)];

    private static string? Blank(StringValues values) => string.IsNullOrWhiteSpace(values.ToString()) ? null : values.ToString().Trim();

    private static IResult WithFormat(string format, Func<Open311Format, IResult> answer) =>
        Open311Documents.TryParseFormat(format, out var f) ? answer(f) : UnknownFormat(format);

    private static async Task<IResult> WithFormatAsync(string format, Func<Open311Format, Task<IResult>> answer) =>
        Open311Documents.TryParseFormat(format, out var f) ? await answer(f) : UnknownFormat(format);

    private static IResult UnknownFormat(string format) =>
        Errors(Open311Format.Xml, StatusCodes.Status400BadRequest, ("open311.unknown_format", $"不支持的格式“{format}”：请用 .xml 或 .json。"));

    /// <summary>The format the path asks for (json when it ends in .json, else the spec's required xml).</summary>
    private static Open311Format FormatOf(HttpContext http) =>
        http.Request.Path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? Open311Format.Json : Open311Format.Xml;

    private static IResult Document(Open311Format format, string root, object value, int status = StatusCodes.Status200OK) =>
        new Open311Result(status, format, root, value);

    /// <summary>An <see cref="Error"/> as the spec's error list: one error per field of a validation error.</summary>
    public static IResult Errors(Open311Format format, Error error)
    {
        var status = error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        var list = error.Fields is { Count: > 0 } fields
            ? fields.SelectMany(f => f.Value.Select(m => (Code(error, f.Key), m))).ToArray()
            : [(error.Code, error.Message)];
        return Errors(format, status, list);
    }

    private static string Code(Error error, string field) => error.Code == "validation" ? "validation." + SpecField(field) : error.Code;

    /// <summary>Our field names as the spec's arguments.</summary>
    private static string SpecField(string field) => field switch
    {
        "CategoryId" or "categoryId" => "service_code",
        "Description" => "description",
        "PlaceOrganizationId" or "placeOrganizationId" => "place_id",
        "Address" => "address_string",
        "RequesterName" => "first_name",
        "RequesterPhone" => "phone",
        "Latitude" => "lat",
        "Longitude" => "long",
        _ => field,
    };

    private static IResult Errors(Open311Format format, int status, params (string Code, string Description)[] errors) =>
        new Open311Result(status, format, "errors", new O311Array("error", [.. errors.Select(e => (object?)new O311Object(("code", e.Code), ("description", e.Description)))]));

    private sealed class Open311Result(int status, Open311Format format, string root, object value) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var body = Open311Documents.Write(format, root, value);
            http.Response.StatusCode = status;
            http.Response.ContentType = Open311Documents.ContentType(format);
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }
}
