using System.Collections.Concurrent;
using Lianjian.Web.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lianjian.UnitTests.Platform.Jobs;

/// <summary>The real scheduler with real timers and jobs written for the test (short intervals, bounded waits).</summary>
public class JobSchedulerTests
{
    private sealed class Runs
    {
        public int Started;
        public int Running;
        public int MostAtOnce;
        public readonly ConcurrentBag<int> Scopes = [];
    }

    private sealed class Scoped
    {
        private static int _next;

        public int Id { get; } = Interlocked.Increment(ref _next);
    }

    /// <summary>Fails on its first run, then takes longer than its interval on every run.</summary>
    private sealed class SlowAndOnceFailingJob(Runs runs, Scoped scoped) : IJob
    {
        public string Name => "SlowAndOnceFailing";

        public async Task RunAsync(CancellationToken ct)
        {
            var started = Interlocked.Increment(ref runs.Started);
            runs.Scopes.Add(scoped.Id);
            var running = Interlocked.Increment(ref runs.Running);
            lock (runs) runs.MostAtOnce = Math.Max(runs.MostAtOnce, running);
            try
            {
                if (started == 1) throw new InvalidOperationException("the first run fails");
                await Task.Delay(120, ct);
            }
            finally
            {
                Interlocked.Decrement(ref runs.Running);
            }
        }
    }

    private static ServiceProvider Build(Runs runs, bool enabled)
    {
        var services = new ServiceCollection();
        services.AddSingleton(runs);
        services.AddScoped<Scoped>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IOptions<JobsOptions>>(Options.Create(new JobsOptions { Enabled = enabled }));
        services.AddJob<SlowAndOnceFailingJob>(TimeSpan.FromMilliseconds(30));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task RunsEachJobAgain_AfterAFailure_NeverOverlapping_EachRunInItsOwnScope()
    {
        var runs = new Runs();
        await using var provider = Build(runs, enabled: true);
        var scheduler = provider.GetServices<IHostedService>().OfType<JobScheduler>().Single();
        await scheduler.StartAsync(CancellationToken.None);
        var until = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref runs.Started) < 4 && DateTime.UtcNow < until) await Task.Delay(20);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.True(runs.Started >= 4, $"only {runs.Started} runs");
        Assert.Equal(1, runs.MostAtOnce);
        Assert.Equal(runs.Scopes.Count, runs.Scopes.Distinct().Count());
    }

    [Fact]
    public async Task WhenJobsAreOff_NothingRuns()
    {
        var runs = new Runs();
        await using var provider = Build(runs, enabled: false);
        var scheduler = provider.GetServices<IHostedService>().OfType<JobScheduler>().Single();
        await scheduler.StartAsync(CancellationToken.None);
        await Task.Delay(300);
        await scheduler.StopAsync(CancellationToken.None);
        Assert.Equal(0, runs.Started);
    }
}
