using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lianjian.Web.Platform.Results;

/// <summary>Maps <see cref="Error"/> to RFC 9457 ProblemDetails, once, for every endpoint.</summary>
public static class ProblemMapping
{
    public const string TypeBase = "https://lianjian.org.cn/problems/";

    public static int StatusCode(this Error error) => error.Kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.RuleViolation => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    public static ProblemDetails ToProblemDetails(this Error error)
    {
        var status = error.StatusCode();
        var problem = error.Fields is { Count: > 0 } fields
            ? new HttpValidationProblemDetails(fields.ToDictionary(f => f.Key, f => f.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Type = TypeBase + error.Code;
        problem.Title = Title(error.Kind);
        problem.Detail = error.Message;
        problem.Extensions["code"] = error.Code;
        return problem;
    }

    public static IResult ToHttpResult(this Error error)
    {
        var problem = error.ToProblemDetails();
        return TypedResults.Problem(problem);
    }

    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : result.Error.ToHttpResult();

    public static IResult ToHttpResult<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToHttpResult();

    public static IResult ToHttpResult(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error.ToHttpResult();

    public static string Title(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "请求内容有误",
        ErrorKind.NotFound => "未找到",
        ErrorKind.Forbidden => "无权操作",
        ErrorKind.Conflict => "操作冲突",
        ErrorKind.RuleViolation => "不符合业务规则",
        _ => "请求有误",
    };
}
