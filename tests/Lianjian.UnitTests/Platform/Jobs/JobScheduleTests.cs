using Lianjian.Web.Platform.Jobs;

namespace Lianjian.UnitTests.Platform.Jobs;

public class JobScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FirstRun_ComesShortlyAfterStart_ButNotBeforeAShortInterval()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), JobSchedule.FirstRunDelay(TimeSpan.FromSeconds(5)));
        Assert.Equal(JobSchedule.MaxFirstRunDelay, JobSchedule.FirstRunDelay(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AQuickRun_IsFollowedOneIntervalAfterItStarted()
    {
        Assert.Equal(Start.AddMinutes(5), JobSchedule.NextRun(Start, Start.AddSeconds(2), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void ARunLongerThanTheInterval_IsFollowedAtOnce_WithoutCatchingUpMissedRuns()
    {
        var finished = Start.AddSeconds(17);
        Assert.Equal(finished, JobSchedule.NextRun(Start, finished, TimeSpan.FromSeconds(5)));
    }
}
