using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Jobs;

namespace Lianjian.Web.Modules.WorkOrders.Jobs;

/// <summary>Runs <see cref="EscalateOverdueWorkOrders"/> on the clock (Schedules.cs says how often).</summary>
public sealed class EscalateOverdueWorkOrdersJob(EscalateOverdueWorkOrders useCase, TimeProvider clock, ILogger<EscalateOverdueWorkOrdersJob> log) : IJob
{
    public string Name => "EscalateOverdueWorkOrders";

    public async Task RunAsync(CancellationToken ct)
    {
        var outcome = await useCase.RunAsync(clock.GetUtcNow().UtcDateTime, ct);
        if (outcome.Escalated > 0) log.LogInformation("升级督办 {Count} 张超时工单", outcome.Escalated);
    }
}
