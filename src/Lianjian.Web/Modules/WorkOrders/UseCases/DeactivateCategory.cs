using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>停用: the category leaves the choices of new orders; it is never deleted, so existing orders keep their link.</summary>
public sealed class DeactivateCategory(AppDbContext db, ICurrentUser user, CategoryCache cache)
{
    public Task<Result> ExecuteAsync(Guid id, CancellationToken ct = default) => SetActiveAsync(db, user, cache, id, false, ct);

    internal static async Task<Result> SetActiveAsync(AppDbContext db, ICurrentUser user, CategoryCache cache, Guid id, bool active, CancellationToken ct)
    {
        if (!DictionaryAccess.MayEdit(user)) return DictionaryErrors.OnlyAdmins;
        var category = await db.WorkOrderCategories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null) return DictionaryErrors.CategoryNotFound;
        if (category.IsActive == active) return Result.Ok;
        category.IsActive = active;
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return Result.Ok;
    }
}

/// <summary>重新启用: the category is offered again.</summary>
public sealed class ReactivateCategory(AppDbContext db, ICurrentUser user, CategoryCache cache)
{
    public Task<Result> ExecuteAsync(Guid id, CancellationToken ct = default) => DeactivateCategory.SetActiveAsync(db, user, cache, id, true, ct);
}
