namespace Lianjian.Web.Platform.Persistence;

/// <summary>One page of a list, with the total for the pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public const int MaxPageSize = 200;

    public static (int Page, int Size) Normalize(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Math.Clamp(size ?? 20, 1, MaxPageSize));
}
