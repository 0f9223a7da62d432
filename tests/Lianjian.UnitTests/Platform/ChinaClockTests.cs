using Lianjian.Web.Platform.Calendar;

namespace Lianjian.UnitTests.Platform;

public class ChinaClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData("2026-11-24T15:59:59Z", "2026-11-24")]
    [InlineData("2026-11-24T16:00:00Z", "2026-11-25")]
    [InlineData("2026-12-31T20:00:00Z", "2027-01-01")]
    public void Today_IsTheDateInChina(string utc, string today)
    {
        Assert.Equal(DateOnly.Parse(today), ChinaClock.Today(new FixedClock(DateTimeOffset.Parse(utc))));
    }

    [Fact]
    public void ToUtc_ReadsATimeWithoutOffsetAsChinaTime()
    {
        var picked = new DateTime(2026, 5, 15, 9, 30, 0, DateTimeKind.Unspecified);
        Assert.Equal(new DateTime(2026, 5, 15, 1, 30, 0, DateTimeKind.Utc), ChinaClock.ToUtc(picked));
        var utc = new DateTime(2026, 5, 15, 1, 30, 0, DateTimeKind.Utc);
        Assert.Equal(utc, ChinaClock.ToUtc(utc));
        Assert.Equal(DateTimeKind.Utc, ChinaClock.ToUtc(picked).Kind);
    }
}
