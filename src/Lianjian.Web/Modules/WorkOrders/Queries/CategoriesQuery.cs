using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.Queries;

public sealed record CategoryRow(
    Guid Id,
    string Code,
    string Name,
    CategoryKind Kind,
    string KindLabel,
    string? Description,
    TimeLimit ResponseLimit,
    string ResponseLimitLabel,
    TimeLimit ResolutionLimit,
    string ResolutionLimitLabel,
    Guid EscalationLadderId,
    string EscalationLadderName,
    int SortOrder,
    bool IsActive);

public sealed record LadderRow(Guid Id, string Name, IReadOnlyList<EscalationLevel> Levels);

/// <summary>The category dictionary: the phone page's choices, the back office's list, Open311's services.</summary>
public sealed class CategoriesQuery(AppDbContext db)
{
    public async Task<IReadOnlyList<CategoryRow>> ListAsync(bool includeInactive, CancellationToken ct = default)
    {
        var ladders = await db.EscalationLadders.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var categories = await db.WorkOrderCategories.AsNoTracking().Where(c => includeInactive || c.IsActive)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
        return [.. categories.Select(c => new CategoryRow(
            c.Id, c.Code, c.Name, c.Kind, c.Kind.Label(), c.Description, c.ResponseLimit, c.ResponseLimit.Label, c.ResolutionLimit, c.ResolutionLimit.Label,
            c.EscalationLadderId, ladders.GetValueOrDefault(c.EscalationLadderId, ""), c.SortOrder, c.IsActive))];
    }

    public async Task<IReadOnlyList<LadderRow>> LaddersAsync(CancellationToken ct = default) =>
        [.. (await db.EscalationLadders.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct)).Select(l => new LadderRow(l.Id, l.Name, l.Levels))];
}
