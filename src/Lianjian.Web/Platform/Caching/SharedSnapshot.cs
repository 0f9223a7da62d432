namespace Lianjian.Web.Platform.Caching;

/// <summary>
/// One value read from the database and shared by every request of the app (held by a singleton): loaded by one caller
/// at a time, kept at most <c>maxAge</c> (other app nodes' changes show after that), dropped at once by
/// <see cref="Invalidate"/> (this node's changes). A value whose load overlapped an invalidation is served to that caller
/// but not kept. The categories, the organization paths and the open deadlines use it.
/// </summary>
public sealed class SharedSnapshot<T>(TimeSpan maxAge, TimeProvider clock) where T : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;
    private long _version;

    public void Invalidate() => Interlocked.Increment(ref _version);

    /// <summary>The kept value, or a fresh one from <paramref name="load"/>.</summary>
    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken ct = default)
    {
        if (Fresh(Volatile.Read(ref _snapshot)) is { } cached) return cached;
        await _loading.WaitAsync(ct);
        try
        {
            // Another caller may have loaded it while this one waited.
            if (Fresh(Volatile.Read(ref _snapshot)) is { } loaded) return loaded;
            var version = Interlocked.Read(ref _version);
            var value = await load(ct);
            Volatile.Write(ref _snapshot, new Snapshot(version, clock.GetUtcNow(), value));
            return value;
        }
        finally
        {
            _loading.Release();
        }
    }

    private T? Fresh(Snapshot? s) =>
        s is not null && s.Version == Interlocked.Read(ref _version) && clock.GetUtcNow() - s.BuiltAt < maxAge ? s.Value : null;

    private sealed record Snapshot(long Version, DateTimeOffset BuiltAt, T Value);
}
