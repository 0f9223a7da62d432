namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>The states of GLOSSARY (点单 … 销号). Escalation level and deadlines are fields, not states.</summary>
public enum WorkOrderStatus
{
    Submitted,
    Dispatched,
    Claimed,
    Resolved,
    Rated,
    Closed,
    Reopened,
    Rejected,
    Withdrawn,
}

/// <summary>What a resident sees (the simplified public status).</summary>
public enum PublicStatus
{
    Accepted,
    InProgress,
    Resolved,
    Rated,
    Completed,
    NotAccepted,
    Withdrawn,
}

/// <summary>How an order came in.</summary>
public enum WorkOrderChannel
{
    Phone,
    QrCode,
    Desk,
    GridWorker,
    Api,
    Open311,
}

public static class WorkOrderStatusLabels
{
    public static string Label(this WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Submitted => "待派单",
        WorkOrderStatus.Dispatched => "待接单",
        WorkOrderStatus.Claimed => "办理中",
        WorkOrderStatus.Resolved => "已办结",
        WorkOrderStatus.Rated => "已评价",
        WorkOrderStatus.Closed => "已销号",
        WorkOrderStatus.Reopened => "重办中",
        WorkOrderStatus.Rejected => "已驳回",
        WorkOrderStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    /// <summary>The open states: work is still owed (the ones deadlines and escalation apply to).</summary>
    public static readonly IReadOnlyList<WorkOrderStatus> Open =
        [WorkOrderStatus.Submitted, WorkOrderStatus.Dispatched, WorkOrderStatus.Claimed, WorkOrderStatus.Reopened];

    public static bool IsOpen(this WorkOrderStatus status) => Open.Contains(status);

    public static bool IsTerminal(this WorkOrderStatus status) =>
        status is WorkOrderStatus.Closed or WorkOrderStatus.Rejected or WorkOrderStatus.Withdrawn;

    /// <summary>Open orders whose response (接单) is still awaited: the response deadline applies to them.</summary>
    public static bool AwaitsResponse(this WorkOrderStatus status) => status is WorkOrderStatus.Submitted or WorkOrderStatus.Dispatched;

    public static PublicStatus ToPublic(this WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Submitted or WorkOrderStatus.Dispatched => PublicStatus.Accepted,
        WorkOrderStatus.Claimed or WorkOrderStatus.Reopened => PublicStatus.InProgress,
        WorkOrderStatus.Resolved => PublicStatus.Resolved,
        WorkOrderStatus.Rated => PublicStatus.Rated,
        WorkOrderStatus.Closed => PublicStatus.Completed,
        WorkOrderStatus.Rejected => PublicStatus.NotAccepted,
        _ => PublicStatus.Withdrawn,
    };

    public static string Label(this PublicStatus status) => status switch
    {
        PublicStatus.Accepted => "已受理",
        PublicStatus.InProgress => "办理中",
        PublicStatus.Resolved => "已办结，待评价",
        PublicStatus.Rated => "已办结，已评价",
        PublicStatus.Completed => "已完成",
        PublicStatus.NotAccepted => "未予受理",
        _ => "已撤回",
    };

    public static string Label(this WorkOrderChannel channel) => channel switch
    {
        WorkOrderChannel.Phone => "手机点单",
        WorkOrderChannel.QrCode => "扫码点单",
        WorkOrderChannel.Desk => "窗口代办",
        WorkOrderChannel.GridWorker => "网格员上报",
        WorkOrderChannel.Api => "接口",
        WorkOrderChannel.Open311 => "Open311",
        _ => channel.ToString(),
    };
}
