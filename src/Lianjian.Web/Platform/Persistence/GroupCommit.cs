using System.Threading.Channels;
using Lianjian.Web.Platform.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lianjian.Web.Platform.Persistence;

/// <summary>
/// Grouped commits (docs/decisions/0011): the writes of many requests made by one writer in one transaction,
/// each request answered only after that transaction has committed. Every request still gets all of its rows or none
/// (a group that fails is written again one request at a time, so one bad row fails only its own request), but SQLite
/// commits — and EF's save pipeline, and the counters kept by interceptors — once per group instead of once per request,
/// and the writers stop queueing in SQLite's busy handler. Used where many small writes arrive at once: submissions and
/// the moves of the work-order loop.
/// <para>Only a unit of work that adds and changes rows (nothing deleted, no transaction of its own, nothing audited, no
/// shadow or owned state) is grouped; anything else is saved directly, as before. A changed row keeps the values it was
/// read with, so its concurrency token still decides between two requests changing it at once: the group fails, and
/// written one by one, exactly one of them wins.</para>
/// </summary>
public sealed class GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> log, bool enabled = true) : IDisposable
{
    /// <summary>The most requests in one transaction.</summary>
    public const int MaxGroup = 64;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _writer;

    /// <summary>A row to write: added, or modified (with the values it was read with and the properties changed since).</summary>
    private sealed record Row(object Entity, PropertyValues? Original, IReadOnlyList<string> Changed);

    private sealed record Pending(IReadOnlyList<Row> Rows, IReadOnlyList<(object Entity, IProperty Property)> Generated, TaskCompletionSource Done);

    /// <summary>
    /// Saves what <paramref name="source"/> has added and changed, in a group with other requests; returns after the commit (store
    /// generated keys are then set on the entities). <paramref name="source"/>'s change tracker is cleared: its unit of work is done.
    /// Not cancellable once queued: the rows may already be committing.
    /// </summary>
    public async Task SaveAsync(DbContext source, CancellationToken ct)
    {
        source.ChangeTracker.DetectChanges();
        var entries = source.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList();
        if (entries.Count == 0) return;
        if (!enabled || source.Database.CurrentTransaction is not null || entries.Any(e => !Groupable(e)))
        {
            await source.SaveChangesAsync(ct);
            return;
        }

        ct.ThrowIfCancellationRequested();
        // Keys the database will hand out, and foreign keys to them, carry temporary values here: the writer's context
        // must not take those for real ones (its navigations set the foreign keys again).
        var generated = entries.SelectMany(e => e.Properties.Where(p => p.IsTemporary).Select(p => (e.Entity, p.Metadata))).ToList();
        var rows = entries.Select(e => e.State == EntityState.Added
            ? new Row(e.Entity, null, [])
            : new Row(e.Entity, e.OriginalValues.Clone(), e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList())).ToList();
        var pending = new Pending(rows, generated, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        // Clear, not Detached one by one: detaching a row one at a time makes EF cut the navigations to it (a step would
        // lose its order); the writer's context relies on those navigations to link the rows again.
        source.ChangeTracker.Clear();
        Reset(source, pending);
        StartWriter();
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The application is stopping; the submission was not saved.");
        await pending.Done.Task;
    }

    // Audited rows are saved by their own request: the audit entry names the user of that request.
    private static bool Groupable(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified && entry.Entity is not IAudited
        && !entry.Metadata.IsOwned() && !entry.Metadata.GetProperties().Any(p => p.IsShadowProperty());

    private void StartWriter()
    {
        if (_writer is not null) return;
        lock (_gate) _writer ??= Task.Run(WriteAsync);
    }

    private async Task WriteAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next)) group.Add(next);
            try
            {
                await CommitAsync(group);
                foreach (var p in group) p.Done.TrySetResult();
            }
            catch (Exception ex) when (group.Count == 1)
            {
                group[0].Done.TrySetException(ex);
            }
            catch (Exception ex)
            {
                log.LogInformation(ex, "A group of {Count} submissions failed; writing them one at a time.", group.Count);
                foreach (var p in group)
                {
                    try
                    {
                        await CommitAsync([p], retry: true);
                        p.Done.TrySetResult();
                    }
                    catch (Exception one)
                    {
                        p.Done.TrySetException(one);
                    }
                }
            }
        }
    }

    private async Task CommitAsync(IReadOnlyList<Pending> group, bool retry = false)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var pending in group)
        {
            // The failed group's transaction was rolled back, but the keys the database handed out in it were set on the
            // entities: clear them again so the database hands out new ones.
            if (retry) Reset(db, pending);
            // Changed rows first, as they were read (their concurrency tokens decide between two writers), then the new ones.
            foreach (var row in pending.Rows.Where(r => r.Original is not null))
            {
                var entry = db.Attach(row.Entity);
                entry.OriginalValues.SetValues(row.Original!);
                foreach (var name in row.Changed) entry.Property(name).IsModified = true;
            }

            foreach (var row in pending.Rows.Where(r => r.Original is null)) db.Add(row.Entity);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Sets the database-generated keys and the foreign keys to them back to their defaults on untracked entities.</summary>
    private static void Reset(DbContext db, Pending pending)
    {
        foreach (var (entity, property) in pending.Generated)
            db.Entry(entity).Property(property.Name).CurrentValue = property.ClrType.IsValueType ? Activator.CreateInstance(property.ClrType) : null;
    }

    /// <summary>At shutdown: take no more, finish what is queued.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer?.Wait(TimeSpan.FromSeconds(30));
    }
}
