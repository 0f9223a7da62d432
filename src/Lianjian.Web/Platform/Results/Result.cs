using System.Diagnostics.CodeAnalysis;

namespace Lianjian.Web.Platform.Results;

/// <summary>Outcome of a use case: a value or an <see cref="Error"/>, never both.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Error = null;
    }

    private Result(Error error)
    {
        _value = default;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result holds error {Error.Code}.");

    public static implicit operator Result<T>(T value) => new(value);

    /// <summary>For values of interface type, which C# cannot convert implicitly.</summary>
    public static Result<T> Ok(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? map(Value) : Error;
}

/// <summary>Outcome of a use case that returns nothing.</summary>
public readonly struct Result
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result Ok { get; } = new(null);

    public static implicit operator Result(Error error) => new(error);
}
