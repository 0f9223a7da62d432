using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

public sealed class ReactivateAlliance(AppDbContext db, AllianceAccess access)
{
    public async Task<Result> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var found = await access.FindForChangeAsync(id, ct, allowInactive: true);
        if (!found.IsSuccess) return found.Error;
        found.Value.IsActive = true;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
