using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lianjian.Web.Platform.Jobs;

public static class JobsExtensions
{
    /// <summary>Schedules <typeparamref name="TJob"/> every <paramref name="interval"/>. Call it only from <c>Schedules.cs</c>.</summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, TimeSpan interval) where TJob : class, IJob
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        services.TryAddScoped<TJob>();
        services.AddSingleton(new JobRegistration(typeof(TJob), interval));
        services.AddHostedService<JobScheduler>();
        return services;
    }
}
