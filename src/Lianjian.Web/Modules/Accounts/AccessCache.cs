using System.Collections.Concurrent;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lianjian.Web.Modules.Accounts;

/// <summary>
/// Each account's data scope and profile, shared by its requests for a short while: every API call needs them, and
/// loading them costs two queries (a third of a work-order submission's CPU). An entry is used only while it is younger
/// than <see cref="MaxAge"/> and no change to organizations, people, accounts or their organization links has been saved
/// since it was read (<see cref="AccessCacheInvalidator"/> bumps the generation after such a commit). So in one app
/// instance a change applies to the next request; another instance sharing the database sees it within
/// <see cref="MaxAge"/> (docs/decisions/0011).
/// </summary>
public sealed class AccessCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _generation;

    public sealed record Access(DataScope Scope, UserProfile Profile);

    private sealed record Entry(long Generation, DateTimeOffset Expires, Access Access);

    /// <summary>The generation to stamp on what is read now; read it BEFORE reading the database.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public Access? Find(Guid userId) =>
        _entries.TryGetValue(userId, out var e) && e.Generation == Generation && e.Expires > clock.GetUtcNow() ? e.Access : null;

    public void Store(Guid userId, long generation, Access access)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[userId] = new Entry(generation, clock.GetUtcNow() + MaxAge, access);
    }

    /// <summary>Forget everything read so far (called after organizations, people or accounts changed).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}

/// <summary>
/// Bumps <see cref="AccessCache"/> when a save touches what a scope or profile is made of: organizations (paths,
/// active), people (organization, active), accounts and their organization links. It bumps when the save starts, and
/// again once it is committed (at the end of SaveChanges, or when the caller's own transaction commits), so a request
/// that read the old rows in between cannot keep them.
/// </summary>
public sealed class AccessCacheInvalidator(AccessCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _pending;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Settle(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Settle(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed();

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed();
        return Task.CompletedTask;
    }

    private void Check(DbContext? context)
    {
        if (context is null) return;
        // Entries() detects changes first, so a property changed on a tracked row counts.
        if (!context.ChangeTracker.Entries().Any(e => e.Entity is Organization or Person or AppUser or UserOrganization
                && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)) return;
        _pending = true;
        cache.Invalidate();
    }

    // Inside the caller's transaction the rows are not visible to others yet: wait for its commit.
    private void Settle(DbContext? context)
    {
        if (!_pending || context?.Database.CurrentTransaction is not null) return;
        Committed();
    }

    private void Committed()
    {
        if (!_pending) return;
        _pending = false;
        cache.Invalidate();
    }
}
