namespace Lianjian.IntegrationTests.Infrastructure;

/// <summary>The real time plus an offset that tests move forward ("an hour later"); never backwards.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward to <paramref name="at"/> (which must not be in its past).</summary>
    public void AdvanceTo(DateTimeOffset at) => Advance(at - GetUtcNow());

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
