using System.Text.Json;
using Lianjian.Web.Platform.Auditing;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform.Exports;

/// <summary>
/// Writes the rows of a validated import in one transaction: all of them or none. Rows go in batches (AddRange, one
/// SaveChanges per batch, then the change tracker is cleared) so that 10,000 rows neither pile up in the tracker nor
/// wait for one giant statement, and progress can be reported. The audit interceptor still writes its "Created"
/// entry for every row; one "Imported" entry sums the import up (docs/decisions/0004-import-policy.md).
/// </summary>
public static class ImportWriter
{
    public const int BatchSize = 1000;

    public const string ImportedAction = "Imported";

    public static async Task<Result> SaveAllAsync<T>(
        AppDbContext db, ICurrentUser user, IReadOnlyList<T> entities, ImportAudit audit, DateTime now,
        IProgress<ImportProgress>? progress, CancellationToken ct)
        where T : class
    {
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        // Added entities need no change detection; scanning 1,000 tracked rows before every step is what makes EF slow.
        // The tracker is cleared after each batch: callers give the import a DbContext of its own (a request, or a page's own scope).
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            for (var start = 0; start < entities.Count; start += BatchSize)
            {
                var batch = entities.Skip(start).Take(BatchSize);
                db.AddRange(batch);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                progress?.Report(new ImportProgress(ImportPhase.Saving, Math.Min(start + BatchSize, entities.Count), entities.Count));
            }

            db.Add(new AuditEntry
            {
                At = now,
                UserId = user.UserId,
                UserName = user.IsAuthenticated ? user.UserName : "系统",
                Action = ImportedAction,
                EntityType = audit.EntityType,
                EntityId = audit.ImportId.ToString(),
                EntityLabel = audit.Label,
                ScopeOrganizationId = audit.ScopeOrganizationId,
                Changes = JsonSerializer.Serialize(new Dictionary<string, object?[]> { ["Count"] = [null, entities.Count] }),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Result.Ok;
        }
        catch (DbUpdateException)
        {
            // Validation ran against a snapshot; someone may have saved the same ID number in between. The transaction
            // is rolled back, so the import is still all-or-nothing.
            return Error.Conflict("import.save_conflict", "保存时与他人同时录入的数据冲突（例如相同的身份证号），没有写入任何数据，请重新导入。");
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// The lowest organization above all of <paramref name="paths"/> (ancestor paths "/a/b/"), for the summary entry's
    /// scope: an admin whose scope covers the imported rows sees the entry in the scoped audit view.
    /// </summary>
    public static Guid? CommonAncestor(IEnumerable<string> paths)
    {
        string[]? common = null;
        foreach (var path in paths)
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (common is null)
            {
                common = segments;
                continue;
            }

            var n = 0;
            while (n < common.Length && n < segments.Length && common[n] == segments[n]) n++;
            common = common[..n];
            if (n == 0) break;
        }

        return common is { Length: > 0 } ? Guid.Parse(common[^1]) : null;
    }
}

/// <summary>What the summary audit entry of an import says.</summary>
public sealed record ImportAudit(string EntityType, string Label, Guid? ScopeOrganizationId)
{
    public Guid ImportId { get; } = Guid.CreateVersion7();
}
