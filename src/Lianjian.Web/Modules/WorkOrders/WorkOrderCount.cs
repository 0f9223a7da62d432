using System.Text;
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
/// Adds each saved change of a work order to the maintained tables — its place and status to <see cref="WorkOrderCount"/>,
/// its <see cref="WorkOrderContribution"/> (now − before) to the <see cref="WorkOrderDailyStat"/> rows of its place and
/// every ancestor — with atomic <c>INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x</c> statements (the same SQL on
/// SQLite and PostgreSQL), sent as ONE command after the rows are saved, inside the transaction of the SaveChanges that
/// made them: the caller's, or one opened here around it. So a figure is never half-written, and two writers at once
/// both land (no read-modify-write).
/// </summary>
public sealed class WorkOrderCountsInterceptor(OpenDeadlines openDeadlines) : SaveChangesInterceptor
{
    private (string Sql, List<object> Args)? _pending;
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
                db.Database.ExecuteSqlRaw(pending.Sql, pending.Args);
                _owned?.Commit();
                openDeadlines.Invalidate();
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
                await db.Database.ExecuteSqlRawAsync(pending.Sql, pending.Args, cancellationToken);
                if (_owned is not null) await _owned.CommitAsync(cancellationToken);
                openDeadlines.Invalidate();
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

    /// <summary>The SQL of the pending work-order rows' changes; true when there are any.</summary>
    private bool Collect(DbContext? context)
    {
        _pending = null;
        if (context is null) return false;
        context.ChangeTracker.DetectChanges();
        var counts = new SortedDictionary<(Guid, WorkOrderStatus), int>();
        var daily = new SortedDictionary<(Guid, DateOnly, Guid), WorkOrderContribution>();
        void Count(Guid place, WorkOrderStatus status, int n) => counts[(place, status)] = counts.GetValueOrDefault((place, status)) + n;
        void Figure(Guid place, DateTime submittedAt, Guid category, WorkOrderContribution c)
        {
            var key = (place, WorkOrderDailyStat.DayOf(submittedAt), category);
            daily[key] = daily.GetValueOrDefault(key) + c;
        }

        foreach (var entry in context.ChangeTracker.Entries<WorkOrder>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var order = entry.Entity;
            if (entry.State != EntityState.Added)
            {
                T Was<T>(System.Linq.Expressions.Expression<Func<WorkOrder, T>> property) => entry.Property(property).OriginalValue;
                var before = WorkOrderContribution.Of(Was(o => o.Status), Was(o => o.RespondedAt), Was(o => o.ResponseSeconds), Was(o => o.ResolvedAt),
                    Was(o => o.ResolutionDeadline), Was(o => o.Rating));
                Count(Was(o => o.PlaceOrganizationId), Was(o => o.Status), -1);
                Figure(Was(o => o.PlaceOrganizationId), Was(o => o.SubmittedAt), Was(o => o.CategoryId), -before);
            }

            if (entry.State != EntityState.Deleted)
            {
                Count(order.PlaceOrganizationId, order.Status, 1);
                Figure(order.PlaceOrganizationId, order.SubmittedAt, order.CategoryId, WorkOrderContribution.Of(order));
            }
        }

        var countChanges = counts.Where(c => c.Value != 0).ToList();
        var dailyChanges = daily.Where(d => !d.Value.IsZero).ToList();
        if (countChanges.Count == 0 && dailyChanges.Count == 0)
        {
            // A deadline may have moved without a figure changing (an escalation, a reassignment).
            if (context.ChangeTracker.Entries<WorkOrder>().Any(e => e.State is EntityState.Modified)) openDeadlines.Invalidate();
            return false;
        }
        var sql = new StringBuilder();
        var args = new List<object>();
        // One command; a statement per 1,000 rows keeps each under the engines' bound-parameter limits (SQLite 32,766).
        foreach (var chunk in countChanges.Chunk(1000)) WorkOrderRollups.AppendCountsUpsert(sql, args, chunk);
        foreach (var chunk in dailyChanges.Chunk(1000)) WorkOrderRollups.AppendDailyStatsUpsert(sql, args, chunk);
        _pending = (sql.ToString(), args);
        return true;
    }
}
