using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders;

public static class WorkOrderErrors
{
    public static Error NotFound { get; } = Error.NotFound("work_order.not_found", "工单不存在，或不在您的管辖范围内。");

    public static Error TrackingNotFound { get; } = Error.NotFound("work_order.tracking_not_found", "没有找到这张工单，请核对查询链接。");

    public static Error InvalidTransition(WorkOrderStatus status, WorkOrderAction action) =>
        Error.Rule("work_order.invalid_transition", $"工单当前为“{status.Label()}”，不能“{action.Label()}”。");

    public static Error NotAllowed(WorkOrderAction action, WorkOrderActor who) =>
        Error.Forbidden("work_order.not_allowed", $"您不能对该工单“{action.Label()}”：只有{who.Label()}可以。");

    public static Error Changed { get; } =
        Error.Conflict("work_order.changed", "工单刚被他人处理过，请刷新后查看最新状态再操作。");

    public static Error AlreadyClaimed { get; } =
        Error.Conflict("work_order.already_claimed", "手慢了：这张工单已被其他人接单。");

    public static Error RatingOutOfRange { get; } =
        Error.Validation("work_order.rating_out_of_range", "评价须为1到5星。", new Dictionary<string, string[]> { ["rating"] = ["评价须为1到5星。"] });

    public static Error ReopenAfterSatisfied { get; } =
        Error.Rule("work_order.reopen_after_satisfied", "您已给出满意评价，不能再申请重办；如有新问题请重新点单。");

    public static Error EscalationOutOfOrder { get; } =
        Error.Rule("work_order.escalation_out_of_order", "督办只能逐级升级。");

    public static Error UnknownCategory { get; } = Error.Validation("work_order.unknown_category", "工单类别不存在或已停用。",
        new Dictionary<string, string[]> { ["categoryId"] = ["工单类别不存在或已停用。"] });

    public static Error UnknownPlace { get; } = Error.Validation("work_order.unknown_place", "所在地点（村、社区或网格）不存在或已停用。",
        new Dictionary<string, string[]> { ["placeOrganizationId"] = ["所在地点（村、社区或网格）不存在或已停用。"] });

    public static Error AssigneeNotFound { get; } = Error.NotFound("work_order.assignee_not_found", "派单对象（组织或党员）不存在、已停用，或不在您的管辖范围内。");

    public static Error AssigneeNotInOrganization { get; } =
        Error.Validation("work_order.assignee_not_in_organization", "所选党员不属于所选组织。");

    public static Error ClientRequestIdReused { get; } =
        Error.Conflict("work_order.client_request_id_reused", "该请求编号已用于另一张内容不同的工单。");
}

/// <summary>The constants the KPI formulas share (docs/kpis.md).</summary>
public static class WorkOrderKpi
{
    /// <summary>A rating of 4 or 5 counts as satisfied (满意); 1–3 does not.</summary>
    public const int SatisfiedFrom = 4;
}
