using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Open311.UseCases;

public sealed record IssueOpen311KeyInput(string? Name);

/// <summary>What issuing answers: the key itself, shown this once and never again.</summary>
public sealed record IssuedOpen311Key(Guid Id, string Name, string Prefix, string Key);

public sealed record Open311KeyRow(Guid Id, string Name, string Prefix, DateTime CreatedAt, string CreatedByName, DateTime? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

public static class Open311KeyErrors
{
    public static Error NotAllowed { get; } = Error.Forbidden("open311.key_not_allowed", "只有系统管理员和工委管理员可以管理 Open311 接口密钥。");

    public static Error NotFound { get; } = Error.NotFound("open311.key_not_found", "接口密钥不存在。");

    public static Error AlreadyRevoked { get; } = Error.Rule("open311.key_already_revoked", "该接口密钥已经停用。");
}

/// <summary>Issues, lists and revokes the API keys of Open311 clients (system and committee admins only).</summary>
public sealed class Open311Keys(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    private bool MayManage => user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.CommitteeAdmin);

    public async Task<Result<IReadOnlyList<Open311KeyRow>>> ListAsync(CancellationToken ct = default)
    {
        if (!MayManage) return Open311KeyErrors.NotAllowed;
        var keys = await db.Open311ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        return Result<IReadOnlyList<Open311KeyRow>>.Ok([.. keys.Select(k => new Open311KeyRow(k.Id, k.Name, k.Prefix, k.CreatedAt, k.CreatedByName, k.RevokedAt))]);
    }

    public async Task<Result<IssuedOpen311Key>> IssueAsync(IssueOpen311KeyInput input, CancellationToken ct = default)
    {
        if (!MayManage) return Open311KeyErrors.NotAllowed;
        var validation = new Validator().Text(nameof(input.Name), input.Name, Open311ApiKey.NameMax, "对接方名称", required: true);
        if (!validation.IsValid) return validation.ToError();
        var key = Open311ApiKey.NewKey();
        var entity = new Open311ApiKey
        {
            Id = Guid.CreateVersion7(), Name = input.Name!.Trim(), KeyHash = Open311ApiKey.Hash(key), Prefix = key[..Open311ApiKey.PrefixLength],
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByName = user.UserName,
        };
        db.Open311ApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        return new IssuedOpen311Key(entity.Id, entity.Name, entity.Prefix, key);
    }

    public async Task<Result> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        if (!MayManage) return Open311KeyErrors.NotAllowed;
        var key = await db.Open311ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return Open311KeyErrors.NotFound;
        if (key.RevokedAt is not null) return Open311KeyErrors.AlreadyRevoked;
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>The active key with this value, if any (compared by hash: the key itself is never stored).</summary>
    public async Task<Open311ApiKey?> FindActiveAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > Open311ApiKey.KeyMax) return null;
        var hash = Open311ApiKey.Hash(key.Trim());
        return await db.Open311ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct);
    }
}
