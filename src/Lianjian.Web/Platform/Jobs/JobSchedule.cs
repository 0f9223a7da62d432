namespace Lianjian.Web.Platform.Jobs;

/// <summary>When a scheduled job runs next (pure arithmetic, unit-tested).</summary>
public static class JobSchedule
{
    /// <summary>The first run waits a little after start-up, so that start-up itself (migrations, seeding) is not slowed.</summary>
    public static readonly TimeSpan MaxFirstRunDelay = TimeSpan.FromSeconds(10);

    public static TimeSpan FirstRunDelay(TimeSpan interval) => interval < MaxFirstRunDelay ? interval : MaxFirstRunDelay;

    /// <summary>
    /// Runs start one interval apart; a run that took longer than the interval is followed at once by the next,
    /// never by a burst of the runs it missed, and never overlapping itself.
    /// </summary>
    public static DateTimeOffset NextRun(DateTimeOffset started, DateTimeOffset finished, TimeSpan interval)
    {
        var next = started + interval;
        return next > finished ? next : finished;
    }
}
