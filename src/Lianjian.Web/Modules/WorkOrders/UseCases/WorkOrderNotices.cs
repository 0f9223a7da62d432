using Lianjian.Web.Platform.Notifications;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>
/// Who hears of a step: in-app notifications (and the webhooks through the outbox), added to the same unit of work as
/// the step, so they are written — or not — with it. 派单 tells the member or the organization's admins; 退单 and 重办
/// tell the admins over the place and the handler; escalation is told by <see cref="EscalateOverdueWorkOrders"/>.
/// </summary>
public sealed class WorkOrderNotices(Notifier notifier, WorkOrderRecipients recipients)
{
    public async Task OnStepAsync(WorkOrder order, WorkOrderStep step, CancellationToken ct)
    {
        var link = order.Id == 0 ? null : $"/admin/work-orders/{order.Id}";
        switch (step.Action)
        {
            case WorkOrderAction.Dispatch or WorkOrderAction.Reassign when order.AssigneeOrganizationId is { } org:
            {
                var users = order.AssigneePersonId is { } person
                    ? await recipients.AccountOfPersonAsync(person, ct)
                    : await recipients.AdminsOfAsync(org, ct);
                var pool = order.IsPooled ? "（已放入抢单池）" : "";
                Send(users, "work_order.dispatched", $"新派工单 {order.Number}", $"您有一张新的工单待接单{pool}：{Short(order.Description)}", link);
                break;
            }

            case WorkOrderAction.Return:
                Send(await recipients.NearestAdminsAsync(order.PlaceOrganizationId, 0, ct), "work_order.returned",
                    $"工单被退回 {order.Number}", $"退单理由：{step.Note}，请重新派单。", link);
                break;
            case WorkOrderAction.Reopen:
            {
                var users = new List<Guid>();
                if (order.HandlerUserId is { } handler) users.Add(handler);
                if (order.HandlerOrganizationId is { } handlingOrg) users.AddRange(await recipients.AdminsOfAsync(handlingOrg, ct));
                Send(users, "work_order.reopened", $"工单需重办 {order.Number}", $"重办理由：{step.Note}", link);
                break;
            }
        }
    }

    public void Send(IEnumerable<Guid> userIds, string topic, string title, string body, string? link)
    {
        var users = userIds.Distinct().ToList();
        if (users.Count > 0) notifier.Notify(users, new NotificationMessage(topic, title, body, link));
    }

    internal static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
