using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>停用: the alliance stays with its agreements and meetings as history, read-only until it is reactivated.</summary>
public sealed class DeactivateAlliance(AppDbContext db, AllianceAccess access)
{
    public async Task<Result> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var found = await access.FindForChangeAsync(id, ct, allowInactive: true);
        if (!found.IsSuccess) return found.Error;
        found.Value.IsActive = false;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
