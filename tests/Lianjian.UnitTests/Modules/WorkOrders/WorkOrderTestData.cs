using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform.Calendar;

namespace Lianjian.UnitTests.Modules.WorkOrders;

/// <summary>Orders brought into any state by legal moves only (no back door into the entity).</summary>
internal static class WorkOrderTestData
{
    public static readonly DateTime Monday = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc); // 09:00 China time

    public static readonly Actor Someone = new(Guid.NewGuid(), "测试");

    public static Category Category(TimeLimit? response = null, TimeLimit? resolution = null) => new()
    {
        Id = Guid.NewGuid(), Code = "repair", Name = "维修服务", Kind = CategoryKind.ConvenienceItem,
        ResponseLimit = response ?? TimeLimit.InHours(6), ResolutionLimit = resolution ?? TimeLimit.InWorkingDays(5),
        EscalationLadderId = Guid.NewGuid(),
    };

    public static WorkOrder Submitted(Category? category = null, DateTime? at = null, WorkingCalendar? calendar = null)
    {
        var submission = new WorkOrderSubmission(Guid.NewGuid(), "五盏路灯不亮", "葫芦岛", null, null, "王大伯", "13800000000", null, null, "王大伯", WorkOrderChannel.Phone, null);
        return WorkOrder.Submit(submission, category ?? Category(), calendar ?? WorkingCalendar.Empty, at ?? Monday).Order;
    }

    public static WorkOrder InStatus(WorkOrderStatus status)
    {
        var order = Submitted();
        var t = Monday;
        void Ok<T>(Lianjian.Web.Platform.Results.Result<T> r)
        {
            if (!r.IsSuccess) throw new InvalidOperationException(r.Error.Message);
            t = t.AddMinutes(10);
        }

        const WorkOrderActor d = WorkOrderActor.Dispatcher;
        switch (status)
        {
            case WorkOrderStatus.Submitted:
                break;
            case WorkOrderStatus.Rejected:
                Ok(order.Reject(d, Someone, "重复", t));
                break;
            case WorkOrderStatus.Withdrawn:
                Ok(order.Withdraw(WorkOrderActor.Requester, Someone, null, t));
                break;
            default:
                Ok(order.Dispatch(WorkOrderAction.Dispatch, d, Someone, Guid.NewGuid(), null, false, null, t));
                if (status == WorkOrderStatus.Dispatched) break;
                Ok(order.Claim(WorkOrderActor.Candidate, Someone, Guid.NewGuid(), Guid.NewGuid(), t));
                if (status == WorkOrderStatus.Claimed) break;
                Ok(order.Resolve(WorkOrderActor.Handler, Someone, "已修好", t));
                if (status == WorkOrderStatus.Resolved) break;
                if (status == WorkOrderStatus.Reopened)
                {
                    Ok(order.Reopen(d, Someone, "还有一盏不亮", Category(), WorkingCalendar.Empty, t));
                    break;
                }

                Ok(order.Rate(WorkOrderAction.Rate, WorkOrderActor.Requester, Someone, 2, "一般", t));
                if (status == WorkOrderStatus.Rated) break;
                Ok(order.Close(d, Someone, null, t));
                break;
        }

        if (order.Status != status) throw new InvalidOperationException($"reached {order.Status}, wanted {status}");
        return order;
    }

    /// <summary>Applies <paramref name="action"/> through its entity method with ordinary arguments.</summary>
    public static Lianjian.Web.Platform.Results.Result<WorkOrderStep> Apply(WorkOrder order, WorkOrderAction action, WorkOrderActor actor)
    {
        var now = Monday.AddDays(1);
        return action switch
        {
            WorkOrderAction.Dispatch or WorkOrderAction.Reassign => order.Dispatch(action, actor, Someone, Guid.NewGuid(), null, true, null, now),
            WorkOrderAction.Claim => order.Claim(actor, Someone, Guid.NewGuid(), Guid.NewGuid(), now),
            WorkOrderAction.Progress => order.Progress(actor, Someone, "进展", now),
            WorkOrderAction.Resolve => order.Resolve(actor, Someone, "办结", now),
            WorkOrderAction.Rate or WorkOrderAction.FollowUp => order.Rate(action, actor, Someone, 3, null, now),
            WorkOrderAction.Reopen => order.Reopen(actor, Someone, "不满意", Category(), WorkingCalendar.Empty, now),
            WorkOrderAction.Close => order.Close(actor, Someone, null, now),
            WorkOrderAction.Return => order.Return(actor, Someone, "不归我们管", now),
            WorkOrderAction.Withdraw => order.Withdraw(actor, Someone, null, now),
            WorkOrderAction.Reject => order.Reject(actor, Someone, "无效", now),
            WorkOrderAction.Escalate => order.Escalate(actor, order.EscalationLevel + 1, "同事互帮", now),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
