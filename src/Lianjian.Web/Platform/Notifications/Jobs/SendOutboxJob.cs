using Lianjian.Web.Platform.Jobs;
using Lianjian.Web.Platform.Notifications.UseCases;

namespace Lianjian.Web.Platform.Notifications.Jobs;

/// <summary>Sends the outbox (webhooks) every few seconds; see <see cref="SendOutboxMessages"/>.</summary>
public sealed class SendOutboxJob(SendOutboxMessages sendOutbox, ILogger<SendOutboxJob> log) : IJob
{
    public string Name => "SendOutbox";

    public async Task RunAsync(CancellationToken ct)
    {
        var run = await sendOutbox.ExecuteAsync(ct);
        if (run.Claimed > 0) log.LogInformation("Outbox: {Sent} sent, {Failed} failed of {Claimed} claimed.", run.Sent, run.Failed, run.Claimed);
    }
}
