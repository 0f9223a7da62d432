namespace Lianjian.Web.Platform.Results;

public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
    RuleViolation,
}

/// <summary>
/// The one error type of the application. <see cref="Code"/> is stable (clients may switch on it);
/// <see cref="Message"/> is the Chinese sentence shown to people, on pages and in ProblemDetails.
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string Message, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static Error Validation(string code, string message, IReadOnlyDictionary<string, string[]>? fields = null) =>
        new(ErrorKind.Validation, code, message, fields);

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static Error Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Rule(string code, string message) => new(ErrorKind.RuleViolation, code, message);
}
