using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Lianjian.Web.Platform.Jobs;

/// <summary>A job type and how often it runs; added by <see cref="JobsExtensions.AddJob{TJob}"/>.</summary>
public sealed record JobRegistration(Type JobType, TimeSpan Interval);

/// <summary>
/// Runs each registered job on its interval, each run in its own DI scope. One loop per job, so runs of the same
/// job never overlap in this process; a failed run is logged and the next one comes on time.
/// </summary>
public sealed class JobScheduler(
    IEnumerable<JobRegistration> jobs,
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<JobScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var registrations = jobs.ToList();
        if (!options.Value.Enabled)
        {
            log.LogInformation("Background jobs are off (Lianjian:Jobs:Enabled=false): {Count} job(s) will not run in this process.", registrations.Count);
            return;
        }

        await Task.WhenAll(registrations.Select(job => LoopAsync(job, stoppingToken)));
    }

    private async Task LoopAsync(JobRegistration registration, CancellationToken ct)
    {
        var next = clock.GetUtcNow() + JobSchedule.FirstRunDelay(registration.Interval);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var wait = next - clock.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
                var started = clock.GetUtcNow();
                await RunOnceAsync(registration, ct);
                next = JobSchedule.NextRun(started, clock.GetUtcNow(), registration.Interval);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RunOnceAsync(JobRegistration registration, CancellationToken ct)
    {
        var name = registration.JobType.Name;
        var watch = Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = (IJob)scope.ServiceProvider.GetRequiredService(registration.JobType);
            name = job.Name;
            await job.RunAsync(ct);
            log.LogDebug("Job {Job} finished in {Elapsed} ms.", name, watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // The loop goes on: a database that is briefly away must not stop the job for good.
            log.LogError(e, "Job {Job} failed after {Elapsed} ms; it runs again at its next interval.", name, watch.ElapsedMilliseconds);
        }
    }
}
