namespace Lianjian.Web.Platform.Identity;

/// <summary>
/// What a signed-in user may see and change (数据权限): the subtrees under the organizations they act for,
/// as ancestor-path prefixes. Alliances are visible through their member organizations in these subtrees
/// (computed live by the Alliances module, so a new alliance shows at once). A system admin is unrestricted.
/// </summary>
public sealed record DataScope(bool IsUnrestricted, IReadOnlyList<string> Paths)
{
    public static DataScope Nothing { get; } = new(false, []);

    public static DataScope Everything { get; } = new(true, []);

    public bool Covers(string path) => IsUnrestricted || Paths.Any(p => path.StartsWith(p, StringComparison.Ordinal));
}

/// <summary>The user on whose behalf the current request or circuit acts.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    string UserName { get; }

    bool IsAuthenticated { get; }

    bool IsInRole(string role);

    /// <summary>Loaded once per request (or circuit) and cached.</summary>
    Task<DataScope> GetScopeAsync(CancellationToken ct = default);

    /// <summary>The account's display name and its person record (null when not signed in); cached like the scope.</summary>
    Task<UserProfile?> GetProfileAsync(CancellationToken ct = default);
}

/// <summary>Who an account is: the name shown on what it does, and its person (and that person's organization path) if linked.</summary>
public sealed record UserProfile(string Name, Guid? PersonId, string? PersonOrganizationPath);
