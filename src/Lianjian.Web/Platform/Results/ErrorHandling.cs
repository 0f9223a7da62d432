using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform.Results;

/// <summary>
/// Turns exceptions that reach the edge into Chinese ProblemDetails: malformed JSON, wrong types, oversized
/// bodies and lost concurrency races become 400/409/413, never a 500 with a stack trace.
/// </summary>
public sealed class ErrorHandling(ILogger<ErrorHandling> logger, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var error = Classify(exception);
        if (error is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            error = new Error(ErrorKind.RuleViolation, "server.error", "服务器处理请求时出错，请稍后再试；如果问题持续，请联系管理员。");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        else
        {
            logger.LogInformation("Rejected {Method} {Path}: {Code}", context.Request.Method, context.Request.Path, error.Code);
            context.Response.StatusCode = error.Code == "request.too_large" ? StatusCodes.Status413PayloadTooLarge : error.StatusCode();
        }

        var problem = error.ToProblemDetails();
        problem.Status = context.Response.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static Error? Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            Error.Validation("request.too_large", "请求内容过大，超过了允许的上限。"),
        // A multipart form over the endpoint's form limit (uploads): the form reader says "… limit … exceeded".
        BadHttpRequestException { InnerException: InvalidDataException limit } when limit.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
            Error.Validation("request.too_large", "请求内容过大，超过了允许的上限。"),
        BadHttpRequestException { InnerException: JsonException json } =>
            Error.Validation("request.malformed_json", $"请求内容不是有效的JSON，或字段类型不正确（{JsonPath(json)}）。"),
        BadHttpRequestException bad =>
            Error.Validation("request.malformed", "请求格式不正确：" + TranslateBadRequest(bad)),
        JsonException json =>
            Error.Validation("request.malformed_json", $"请求内容不是有效的JSON，或字段类型不正确（{JsonPath(json)}）。"),
        DbUpdateConcurrencyException =>
            Error.Conflict("concurrency.conflict", "数据已被他人修改，请刷新后重试。"),
        _ => null,
    };

    private static string JsonPath(JsonException json) => string.IsNullOrEmpty(json.Path) ? "位置未知" : "字段 " + json.Path;

    private static string TranslateBadRequest(BadHttpRequestException bad)
    {
        var message = bad.Message;
        if (message.Contains("Failed to bind parameter", StringComparison.Ordinal))
        {
            return "参数类型不正确（" + message[(message.IndexOf('"') + 1)..].Split('"')[0] + "）。";
        }

        if (message.Contains("Required parameter", StringComparison.Ordinal) || message.Contains("was not provided", StringComparison.Ordinal))
        {
            return "缺少必需的参数或请求体。";
        }

        if (message.Contains("Content-Type", StringComparison.OrdinalIgnoreCase))
        {
            return "Content-Type 不受支持（API 请求应为 application/json，上传文件应为 multipart/form-data）。";
        }

        return "无法读取请求内容。";
    }

    public static void Configure(IServiceCollection services)
    {
        services.AddExceptionHandler<ErrorHandling>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            // Status codes produced without an Error (401 from the auth middleware, 404 of unknown routes, 405)
            // still get a Chinese ProblemDetails with a stable code.
            var problem = ctx.ProblemDetails;
            if (problem.Extensions.ContainsKey("code")) return;
            var (code, detail) = problem.Status switch
            {
                StatusCodes.Status401Unauthorized => ("auth.required", "请先登录，或在请求头中提供有效的访问令牌。"),
                StatusCodes.Status403Forbidden => ("auth.forbidden", "当前账号无权执行此操作。"),
                StatusCodes.Status404NotFound => ("not_found", "请求的地址或对象不存在。"),
                StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", "不支持该请求方法。"),
                // Kestrel or the form reader refusing a body over the endpoint's size limit (uploads).
                StatusCodes.Status413PayloadTooLarge => ("request.too_large", "请求内容过大，超过了允许的上限。"),
                StatusCodes.Status415UnsupportedMediaType => ("request.unsupported_media_type", "请求的内容类型不受支持。"),
                _ => ("error", problem.Detail ?? "请求未能完成。"),
            };
            problem.Type = ProblemMapping.TypeBase + code;
            problem.Detail ??= detail;
            if (problem.Status is 401 or 403 or 404 or 405 or 413 or 415)
            {
                problem.Detail = detail;
                problem.Title = ProblemMapping.Title(problem.Status switch
                {
                    404 => ErrorKind.NotFound,
                    403 or 401 => ErrorKind.Forbidden,
                    _ => ErrorKind.Validation,
                });
            }

            problem.Extensions["code"] = code;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
            // Enums travel by name only: "kind": 99 is a malformed request, not an undefined kind.
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false)));
    }
}
