using Lianjian.Web.Platform.Jobs;

namespace Lianjian.Web.Modules.Statistics.Documents;

/// <summary>Runs <see cref="GenerateScheduledDocuments"/> on the clock (Schedules.cs says how often).</summary>
public sealed class GenerateScheduledDocumentsJob(GenerateScheduledDocuments useCase, TimeProvider clock, ILogger<GenerateScheduledDocumentsJob> log) : IJob
{
    public string Name => "GenerateScheduledDocuments";

    public async Task RunAsync(CancellationToken ct)
    {
        var outcome = await useCase.RunAsync(clock.GetUtcNow().UtcDateTime, ct);
        if (outcome.Generated > 0 || outcome.Failed > 0)
        {
            log.LogInformation("定时生成统计文档：新生成 {Generated} 份，已有 {Kept} 份，失败 {Failed} 份", outcome.Generated, outcome.AlreadyKept, outcome.Failed);
        }
    }
}
