namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>The loop's steps (GLOSSARY): 点单 派单 接单 办理 办结 评单 回访 重办 销号, plus 退单, 转派, 撤回, 驳回 and 督办升级.</summary>
public enum WorkOrderAction
{
    Submit,
    Dispatch,
    Claim,
    Progress,
    Resolve,
    Rate,
    FollowUp,
    Reopen,
    Close,
    Return,
    Reassign,
    Withdraw,
    Reject,
    Escalate,
}

/// <summary>Who is acting, in relation to one order. A person may be several at once (an admin who also claimed it).</summary>
[Flags]
public enum WorkOrderActor
{
    None = 0,

    /// <summary>群众/企业: who placed the order (its tracking link, or the account that submitted it).</summary>
    Requester = 1,

    /// <summary>工委/组织管理员 whose subtree holds the order's place or its assignee.</summary>
    Dispatcher = 2,

    /// <summary>党员 who may claim a dispatched order: the member it was sent to, or a member of the organization it was sent to
    /// (the open pool); an admin of that organization may claim for the organization.</summary>
    Candidate = 4,

    /// <summary>Who claimed it: the member, or an admin of the handling organization.</summary>
    Handler = 8,

    /// <summary>The platform's jobs (escalation).</summary>
    System = 16,
}

/// <summary>One row of the transition table: in <see cref="From"/>, <see cref="Action"/> leads to <see cref="To"/> and may be taken by <see cref="Actors"/>.</summary>
public sealed record WorkOrderTransition(WorkOrderStatus From, WorkOrderAction Action, WorkOrderStatus To, WorkOrderActor Actors);

/// <summary>
/// The one transition table (DESIGN "The work order"). Entity methods consult it; pages and the API ask it which actions
/// to offer; <c>docs/work-order-lifecycle.md</c> prints it and a test compares the two. 点单 (Submit) creates an order in
/// <see cref="WorkOrderStatus.Submitted"/> and is not a row.
/// </summary>
public static class WorkOrderTransitions
{
    private const WorkOrderActor D = WorkOrderActor.Dispatcher;
    private const WorkOrderActor R = WorkOrderActor.Requester;
    private const WorkOrderActor C = WorkOrderActor.Candidate;
    private const WorkOrderActor H = WorkOrderActor.Handler;
    private const WorkOrderActor S = WorkOrderActor.System;

    public static IReadOnlyList<WorkOrderTransition> All { get; } =
    [
        new(WorkOrderStatus.Submitted, WorkOrderAction.Dispatch, WorkOrderStatus.Dispatched, D),
        new(WorkOrderStatus.Submitted, WorkOrderAction.Reject, WorkOrderStatus.Rejected, D),
        new(WorkOrderStatus.Submitted, WorkOrderAction.Withdraw, WorkOrderStatus.Withdrawn, R),
        new(WorkOrderStatus.Submitted, WorkOrderAction.Escalate, WorkOrderStatus.Submitted, S),

        new(WorkOrderStatus.Dispatched, WorkOrderAction.Claim, WorkOrderStatus.Claimed, C),
        new(WorkOrderStatus.Dispatched, WorkOrderAction.Return, WorkOrderStatus.Submitted, C),
        new(WorkOrderStatus.Dispatched, WorkOrderAction.Reassign, WorkOrderStatus.Dispatched, D),
        new(WorkOrderStatus.Dispatched, WorkOrderAction.Reject, WorkOrderStatus.Rejected, D),
        new(WorkOrderStatus.Dispatched, WorkOrderAction.Withdraw, WorkOrderStatus.Withdrawn, R),
        new(WorkOrderStatus.Dispatched, WorkOrderAction.Escalate, WorkOrderStatus.Dispatched, S),

        new(WorkOrderStatus.Claimed, WorkOrderAction.Progress, WorkOrderStatus.Claimed, H),
        new(WorkOrderStatus.Claimed, WorkOrderAction.Resolve, WorkOrderStatus.Resolved, H),
        new(WorkOrderStatus.Claimed, WorkOrderAction.Return, WorkOrderStatus.Submitted, H),
        new(WorkOrderStatus.Claimed, WorkOrderAction.Reassign, WorkOrderStatus.Dispatched, D),
        new(WorkOrderStatus.Claimed, WorkOrderAction.Escalate, WorkOrderStatus.Claimed, S),

        new(WorkOrderStatus.Resolved, WorkOrderAction.Rate, WorkOrderStatus.Rated, R),
        new(WorkOrderStatus.Resolved, WorkOrderAction.FollowUp, WorkOrderStatus.Rated, D),
        new(WorkOrderStatus.Resolved, WorkOrderAction.Reopen, WorkOrderStatus.Reopened, R | D),
        new(WorkOrderStatus.Resolved, WorkOrderAction.Close, WorkOrderStatus.Closed, D),

        new(WorkOrderStatus.Rated, WorkOrderAction.Reopen, WorkOrderStatus.Reopened, R | D),
        new(WorkOrderStatus.Rated, WorkOrderAction.Close, WorkOrderStatus.Closed, D),

        new(WorkOrderStatus.Reopened, WorkOrderAction.Progress, WorkOrderStatus.Reopened, H),
        new(WorkOrderStatus.Reopened, WorkOrderAction.Resolve, WorkOrderStatus.Resolved, H),
        new(WorkOrderStatus.Reopened, WorkOrderAction.Return, WorkOrderStatus.Submitted, H),
        new(WorkOrderStatus.Reopened, WorkOrderAction.Reassign, WorkOrderStatus.Dispatched, D),
        new(WorkOrderStatus.Reopened, WorkOrderAction.Escalate, WorkOrderStatus.Reopened, S),
    ];

    private static readonly Dictionary<(WorkOrderStatus, WorkOrderAction), WorkOrderTransition> ByKey =
        All.ToDictionary(t => (t.From, t.Action));

    public static WorkOrderTransition? Find(WorkOrderStatus from, WorkOrderAction action) =>
        ByKey.GetValueOrDefault((from, action));

    /// <summary>The actions <paramref name="actor"/> may take on an order in <paramref name="status"/>, in table order.</summary>
    public static IReadOnlyList<WorkOrderAction> Allowed(WorkOrderStatus status, WorkOrderActor actor) =>
        [.. All.Where(t => t.From == status && (t.Actors & actor) != 0).Select(t => t.Action)];

    public static string Label(this WorkOrderAction action) => action switch
    {
        WorkOrderAction.Submit => "点单",
        WorkOrderAction.Dispatch => "派单",
        WorkOrderAction.Claim => "接单",
        WorkOrderAction.Progress => "办理",
        WorkOrderAction.Resolve => "办结",
        WorkOrderAction.Rate => "评单",
        WorkOrderAction.FollowUp => "回访",
        WorkOrderAction.Reopen => "重办",
        WorkOrderAction.Close => "销号",
        WorkOrderAction.Return => "退单",
        WorkOrderAction.Reassign => "转派",
        WorkOrderAction.Withdraw => "撤回",
        WorkOrderAction.Reject => "驳回",
        WorkOrderAction.Escalate => "升级督办",
        _ => action.ToString(),
    };

    public static string Label(this WorkOrderActor actor) => actor switch
    {
        WorkOrderActor.Requester => "点单人",
        WorkOrderActor.Dispatcher => "派单管理员",
        WorkOrderActor.Candidate => "可接单党员",
        WorkOrderActor.Handler => "承办人",
        WorkOrderActor.System => "系统",
        _ => string.Join("、", Enum.GetValues<WorkOrderActor>().Where(a => a != WorkOrderActor.None && actor.HasFlag(a)).Select(a => a.Label())),
    };

    /// <summary>The path segment of the API action (<c>POST /api/work-orders/{id}/follow-up</c>).</summary>
    public static string Slug(this WorkOrderAction action) => action switch
    {
        WorkOrderAction.FollowUp => "follow-up",
        _ => action.ToString().ToLowerInvariant(),
    };
}
