using Lianjian.Web.Modules.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>
/// How many orders placed in one organization are in one status: the status tabs' counts of a subtree add these up
/// instead of reading every order of its history (issue 3 speed; also the raw material of issue 4's roll-ups). Kept
/// exact by <see cref="WorkOrderCountsInterceptor"/>, in the same transaction as every insert or status change of a
/// <see cref="WorkOrder"/>; the migration that created the table filled it from the orders.
/// </summary>
public sealed class WorkOrderCount
{
    public Guid PlaceOrganizationId { get; private set; }

    public WorkOrderStatus Status { get; private set; }

    public int Count { get; private set; }
}

internal sealed class WorkOrderCountConfiguration : IEntityTypeConfiguration<WorkOrderCount>
{
    public void Configure(EntityTypeBuilder<WorkOrderCount> b)
    {
        b.ToTable("WorkOrderCounts");
        b.HasKey(c => new { c.PlaceOrganizationId, c.Status });
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.PlaceOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Adds each saved change of a work order's place or status to <see cref="WorkOrderCount"/> with an atomic
/// <c>INSERT … ON CONFLICT DO UPDATE SET Count = Count + n</c> (the same SQL on SQLite and PostgreSQL), inside the
/// transaction of the SaveChanges that made it: the caller's, or one opened here around it. So a count is never
/// half-written, and two writers at once both land (no read-modify-write).
/// </summary>
public sealed class WorkOrderCountsInterceptor : SaveChangesInterceptor
{
    private Dictionary<(Guid Place, WorkOrderStatus Status), int>? _pending;
    private IDbContextTransaction? _owned;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Collect(eventData.Context) && eventData.Context!.Database.CurrentTransaction is null)
            _owned = eventData.Context.Database.BeginTransaction();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Collect(eventData.Context) && eventData.Context!.Database.CurrentTransaction is null)
            _owned = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (_pending is { } pending && eventData.Context is { } db)
        {
            _pending = null;
            try
            {
                foreach (var ((place, status), delta) in pending) db.Database.ExecuteSql(Upsert(place, status, delta));
                _owned?.Commit();
            }
            finally
            {
                EndOwned();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_pending is { } pending && eventData.Context is { } db)
        {
            _pending = null;
            try
            {
                foreach (var ((place, status), delta) in pending) await db.Database.ExecuteSqlAsync(Upsert(place, status, delta), cancellationToken);
                if (_owned is not null) await _owned.CommitAsync(cancellationToken);
            }
            finally
            {
                EndOwned();
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        _pending = null;
        EndOwned();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        _pending = null;
        EndOwned();
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesCanceled(eventData);
        return Task.CompletedTask;
    }

    // Disposing an uncommitted transaction rolls it back (the order's rows with it).
    private void EndOwned()
    {
        _owned?.Dispose();
        _owned = null;
    }

    private static FormattableString Upsert(Guid place, WorkOrderStatus status, int delta) =>
        $"""
        INSERT INTO "WorkOrderCounts" ("PlaceOrganizationId", "Status", "Count") VALUES ({place}, {status.ToString()}, {delta})
        ON CONFLICT ("PlaceOrganizationId", "Status") DO UPDATE SET "Count" = "WorkOrderCounts"."Count" + excluded."Count"
        """;

    /// <summary>The count changes of the pending work-order rows; true when there are any.</summary>
    private bool Collect(DbContext? context)
    {
        _pending = null;
        if (context is null) return false;
        context.ChangeTracker.DetectChanges();
        Dictionary<(Guid, WorkOrderStatus), int>? deltas = null;
        void Add(Guid place, WorkOrderStatus status, int n)
        {
            deltas ??= [];
            deltas[(place, status)] = deltas.GetValueOrDefault((place, status)) + n;
        }

        foreach (var entry in context.ChangeTracker.Entries<WorkOrder>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    Add(entry.Entity.PlaceOrganizationId, entry.Entity.Status, 1);
                    break;
                case EntityState.Deleted:
                    Add(entry.Property(o => o.PlaceOrganizationId).OriginalValue, entry.Property(o => o.Status).OriginalValue, -1);
                    break;
                case EntityState.Modified:
                    var (place, status) = (entry.Property(o => o.PlaceOrganizationId), entry.Property(o => o.Status));
                    if (place.OriginalValue == place.CurrentValue && status.OriginalValue == status.CurrentValue) break;
                    Add(place.OriginalValue, status.OriginalValue, -1);
                    Add(place.CurrentValue, status.CurrentValue, 1);
                    break;
            }
        }

        _pending = deltas?.Where(d => d.Value != 0).ToDictionary(d => d.Key, d => d.Value);
        if (_pending is { Count: 0 }) _pending = null;
        return _pending is not null;
    }
}
