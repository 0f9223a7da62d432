using Lianjian.Web.Platform.Caching;

namespace Lianjian.UnitTests.Platform.Caching;

public sealed class SharedSnapshotTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_value_is_loaded_once_and_shared_until_it_is_invalidated_or_too_old()
    {
        var clock = new Clock();
        var snapshot = new SharedSnapshot<string>(MaxAge, clock);
        var loads = 0;
        Task<string> Load(CancellationToken _) => Task.FromResult($"v{++loads}");

        Assert.Equal("v1", await snapshot.GetAsync(Load));
        Assert.Equal("v1", await snapshot.GetAsync(Load));
        snapshot.Invalidate();
        Assert.Equal("v2", await snapshot.GetAsync(Load));
        clock.Now += MaxAge - TimeSpan.FromSeconds(1);
        Assert.Equal("v2", await snapshot.GetAsync(Load));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal("v3", await snapshot.GetAsync(Load));
    }

    [Fact]
    public async Task A_load_overlapped_by_an_invalidation_is_served_but_not_kept()
    {
        var snapshot = new SharedSnapshot<string>(MaxAge, new Clock());
        var loads = 0;
        Task<string> Load(CancellationToken _)
        {
            loads++;
            if (loads == 1) snapshot.Invalidate(); // a save committed while the first load read the database
            return Task.FromResult($"v{loads}");
        }

        Assert.Equal("v1", await snapshot.GetAsync(Load));
        Assert.Equal("v2", await snapshot.GetAsync(Load));
        Assert.Equal("v2", await snapshot.GetAsync(Load));
    }

    [Fact]
    public async Task Callers_at_the_same_time_share_one_load()
    {
        var snapshot = new SharedSnapshot<string>(MaxAge, new Clock());
        var loads = 0;
        var gate = new TaskCompletionSource();
        async Task<string> Load(CancellationToken _)
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return "v";
        }

        var callers = Enumerable.Range(0, 8).Select(_ => snapshot.GetAsync(Load)).ToList();
        gate.SetResult();
        Assert.All(await Task.WhenAll(callers), v => Assert.Equal("v", v));
        Assert.Equal(1, loads);
    }
}
