namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>Who hears of a step (in-app notifications and webhooks through the outbox, in the step's transaction).</summary>
public sealed class WorkOrderNotices
{
    public Task OnStepAsync(WorkOrder order, WorkOrderStep step, CancellationToken ct) => Task.CompletedTask;
}
