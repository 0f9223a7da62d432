using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform.Calendar;

/// <summary>
/// The working calendar as the database holds it, built once and shared (a singleton). The calendar's use cases call
/// <see cref="Invalidate"/> after a change; other app nodes do not hear of it, so a built calendar also expires after
/// <see cref="MaxAge"/> (DESIGN: several stateless nodes behind a proxy).
/// </summary>
public sealed class WorkingCalendarSource(IServiceScopeFactory scopes, TimeProvider clock) : IWorkingCalendarSource
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;
    private long _version;

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        if (Fresh(Volatile.Read(ref _snapshot)) is { } cached) return cached;
        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh(Volatile.Read(ref _snapshot)) is { } loaded) return loaded;
            var version = Interlocked.Read(ref _version);
            var calendar = await LoadAsync(ct);
            // A change saved while this load ran may be missing from it: serve it to this caller, but keep nothing.
            if (Interlocked.Read(ref _version) == version) Volatile.Write(ref _snapshot, new Snapshot(calendar, clock.GetUtcNow()));
            return calendar;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forget the built calendar: the next <see cref="GetAsync"/> reads the tables again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        Volatile.Write(ref _snapshot, null);
    }

    private WorkingCalendar? Fresh(Snapshot? snapshot) =>
        snapshot is not null && clock.GetUtcNow() - snapshot.BuiltAt < MaxAge ? snapshot.Calendar : null;

    private async Task<WorkingCalendar> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var days = await db.Set<CalendarDay>().AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(ct);
        var years = await db.Set<CalendarYear>().AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        return new WorkingCalendar(days.Select(d => KeyValuePair.Create(d.Date, d.Kind)), years);
    }

    private sealed record Snapshot(WorkingCalendar Calendar, DateTimeOffset BuiltAt);
}
