using System.Security.Cryptography;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>
/// 工单: one tracked request through the loop 点单 → 派单 → 接单 → 办理 → 办结 → 评单/回访 → 销号 (DESIGN "The work order").
/// Every move goes through <see cref="Move"/>, which consults <see cref="WorkOrderTransitions"/> and returns the step to
/// append to the log — an illegal move is a typed error, never a silent no-op. Escalation and deadlines are fields.
/// <see cref="Version"/> is the concurrency token: of two people acting on the same version, one wins.
/// Not <c>IAudited</c>: the step log is its audit trail.
/// </summary>
public sealed class WorkOrder
{
    public const int DescriptionMax = 2000;
    public const int AddressMax = 200;
    public const int NameMax = 50;
    public const int PhoneMax = 20;
    public const int ClientRequestIdMax = 64;
    public const int NoteMax = 1000;
    public const int MaxPhotos = 6;

    public long Id { get; private set; }

    /// <summary>Human tracking number: GD-{China date of submission}-{id, at least 6 digits}.</summary>
    public string Number => FormatNumber(SubmittedAt, Id);

    /// <summary>The unguessable key of the requester's tracking link (/m/t/{token}); no account needed.</summary>
    public string TrackingToken { get; private set; } = "";

    /// <summary>The client's request id: a retried submission with the same id finds this order instead of creating another.</summary>
    public string? ClientRequestId { get; private set; }

    public Guid CategoryId { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>Where: the village, community or grid (its admins see the order, statistics count it there).</summary>
    public Guid PlaceOrganizationId { get; private set; }

    public string? Address { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public string? RequesterName { get; private set; }

    public string? RequesterPhone { get; private set; }

    public Guid? RequesterPersonId { get; private set; }

    /// <summary>The account that entered it (a grid worker, a desk clerk, an API client), if any.</summary>
    public Guid? SubmittedByUserId { get; private set; }

    public WorkOrderChannel Channel { get; private set; }

    public WorkOrderStatus Status { get; private set; }

    /// <summary>派单: the organization it was sent to (also for an order sent to one member: the member's organization).</summary>
    public Guid? AssigneeOrganizationId { get; private set; }

    public Guid? AssigneePersonId { get; private set; }

    /// <summary>In the open pool (抢单): any member of the assignee organization may claim it.</summary>
    public bool IsPooled { get; private set; }

    public Guid? HandlerOrganizationId { get; private set; }

    public Guid? HandlerPersonId { get; private set; }

    public Guid? HandlerUserId { get; private set; }

    public string? HandlerName { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public DateTime? DispatchedAt { get; private set; }

    /// <summary>First 接单: the response (响应) the response deadline and the response rate measure.</summary>
    public DateTime? RespondedAt { get; private set; }

    public DateTime? ClaimedAt { get; private set; }

    /// <summary>Seconds from 点单 to the first 接单 (kept so the average response time is one SUM on every engine).</summary>
    public int? ResponseSeconds { get; private set; }

    /// <summary>First 办结: what the on-time rate measures against the resolution deadline.</summary>
    public DateTime? FirstResolvedAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public DateTime? RatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>1–5 (5 = very satisfied), from the requester's rating or the staff's follow-up call (回访).</summary>
    public int? Rating { get; private set; }

    public string? RatingComment { get; private set; }

    public bool RatedByFollowUp { get; private set; }

    public string? ResolutionNote { get; private set; }

    /// <summary>The reason of the last 退单/驳回/重办.</summary>
    public string? LastReason { get; private set; }

    public DateTime ResponseDeadline { get; private set; }

    public DateTime ResolutionDeadline { get; private set; }

    /// <summary>
    /// The deadline that applies while the order is open — the earlier of the response deadline (until the first
    /// 接单) and the resolution deadline — and null in every state that is not open. Written by every move
    /// (<see cref="UpdateDueAt"/>), stored and indexed: overdue ⇔ <c>DueAt &lt; now</c>, and the overdue list reads the
    /// index most overdue first (docs/decisions/0009-work-order-list-filters.md).
    /// </summary>
    public DateTime? DueAt { get; private set; }

    /// <summary>The description's and address's search terms (<see cref="TextTerms.Of"/>), for text search.</summary>
    public string? SearchTerms { get; private set; }

    /// <summary>0 = not escalated; n = on level n of the category's ladder.</summary>
    public int EscalationLevel { get; private set; }

    public DateTime? EscalatedAt { get; private set; }

    public int ReopenCount { get; private set; }

    public int Version { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static string FormatNumber(DateTime submittedAtUtc, long id) =>
        $"GD-{ChinaClock.ToChina(submittedAtUtc):yyyyMMdd}-{id:D6}";

    /// <summary>Reads a tracking number back into its id (the date part must match the id's order, checked by the caller).</summary>
    public static bool TryParseNumber(string? text, out long id, out DateOnly date)
    {
        id = 0;
        date = default;
        var parts = text?.Trim().ToUpperInvariant().Split('-');
        return parts is ["GD", var d, var n] && d.Length == 8
            && DateOnly.TryParseExact(d, "yyyyMMdd", out date) && long.TryParse(n, out id) && id > 0;
    }

    public bool IsOverdue(DateTime now) => IsOverdueAt(DueAt, now);

    /// <summary>
    /// <see cref="IsOverdue"/> as a query predicate (lists, the escalation job, the 月提醒): open and past the deadline
    /// that applies (<see cref="DueAt"/>, null when not open). Reads the index on DueAt.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<WorkOrder, bool>> OverdueAt(DateTime now) => o => o.DueAt < now;

    /// <summary>The same rule on a projected row (which carries <see cref="DueAt"/>).</summary>
    public static bool IsOverdueAt(DateTime? dueAt, DateTime now) => dueAt < now;

    /// <summary>点单. The deadlines come from the category's limits on the working calendar.</summary>
    public static (WorkOrder Order, WorkOrderStep Step) Submit(WorkOrderSubmission s, Category category, WorkingCalendar calendar, DateTime now)
    {
        var order = new WorkOrder
        {
            TrackingToken = NewToken(),
            ClientRequestId = s.ClientRequestId,
            CategoryId = category.Id,
            Description = s.Description,
            PlaceOrganizationId = s.PlaceOrganizationId,
            Address = s.Address,
            Latitude = s.Latitude,
            Longitude = s.Longitude,
            RequesterName = s.RequesterName,
            RequesterPhone = s.RequesterPhone,
            RequesterPersonId = s.RequesterPersonId,
            SubmittedByUserId = s.SubmittedByUserId,
            Channel = s.Channel,
            Status = WorkOrderStatus.Submitted,
            SubmittedAt = now,
            UpdatedAt = now,
            ResponseDeadline = calendar.Deadline(now, category.ResponseLimit),
            ResolutionDeadline = calendar.Deadline(now, category.ResolutionLimit),
            SearchTerms = TextTerms.Of(s.Description, s.Address),
        };
        order.UpdateDueAt();
        var step = new WorkOrderStep
        {
            Order = order,
            At = now,
            Action = WorkOrderAction.Submit,
            ToStatus = WorkOrderStatus.Submitted,
            ActorRole = WorkOrderActor.Requester,
            ActorUserId = s.SubmittedByUserId,
            ActorName = s.ActorName,
            Note = s.Channel.Label(),
        };
        return (order, step);
    }

    /// <summary>派单 / 转派: to an organization (optionally into its open pool) or to one member of it.</summary>
    public Result<WorkOrderStep> Dispatch(WorkOrderAction action, WorkOrderActor actor, Actor who, Guid organizationId, Guid? personId, bool pooled, string? note, DateTime now)
    {
        var step = Move(action, actor, who, now, note);
        if (!step.IsSuccess) return step;
        AssigneeOrganizationId = organizationId;
        AssigneePersonId = personId;
        IsPooled = pooled && personId is null;
        DispatchedAt = now;
        ClearHandler();
        step.Value.TargetOrganizationId = organizationId;
        step.Value.TargetPersonId = personId;
        return step;
    }

    /// <summary>接单: by the member (or, with <paramref name="personId"/> null, by an admin for the organization).</summary>
    public Result<WorkOrderStep> Claim(WorkOrderActor actor, Actor who, Guid? personId, Guid organizationId, DateTime now)
    {
        // Someone was faster (抢单): the same answer whether the other claim was saved before this one read the order or after.
        if (Status is WorkOrderStatus.Claimed or WorkOrderStatus.Reopened) return WorkOrderErrors.AlreadyClaimed;
        var step = Move(WorkOrderAction.Claim, actor, who, now, null);
        if (!step.IsSuccess) return step;
        HandlerPersonId = personId;
        HandlerUserId = who.UserId;
        HandlerName = who.Name;
        HandlerOrganizationId = organizationId;
        ClaimedAt = now;
        if (RespondedAt is null)
        {
            RespondedAt = now;
            ResponseSeconds = (int)Math.Clamp((now - SubmittedAt).TotalSeconds, 0, int.MaxValue);
        }
        UpdateDueAt();
        return step;
    }

    public Result<WorkOrderStep> Progress(WorkOrderActor actor, Actor who, string note, DateTime now) =>
        Move(WorkOrderAction.Progress, actor, who, now, note);

    public Result<WorkOrderStep> Resolve(WorkOrderActor actor, Actor who, string note, DateTime now)
    {
        var step = Move(WorkOrderAction.Resolve, actor, who, now, note);
        if (!step.IsSuccess) return step;
        ResolvedAt = now;
        FirstResolvedAt ??= now;
        ResolutionNote = note;
        return step;
    }

    /// <summary>评单 by the requester, or 回访 (<see cref="WorkOrderAction.FollowUp"/>) recorded by staff.</summary>
    public Result<WorkOrderStep> Rate(WorkOrderAction action, WorkOrderActor actor, Actor who, int rating, string? comment, DateTime now)
    {
        if (rating is < 1 or > 5) return WorkOrderErrors.RatingOutOfRange;
        var step = Move(action, actor, who, now, comment);
        if (!step.IsSuccess) return step;
        Rating = rating;
        RatingComment = comment;
        RatedByFollowUp = action == WorkOrderAction.FollowUp;
        RatedAt = now;
        step.Value.Rating = rating;
        return step;
    }

    /// <summary>重办: the work goes back to whoever handled it, with a new resolution deadline and the escalation reset.
    /// A requester may ask for it only when not satisfied (no rating yet, or a rating below 4).</summary>
    public Result<WorkOrderStep> Reopen(WorkOrderActor actor, Actor who, string reason, Category category, WorkingCalendar calendar, DateTime now)
    {
        if (actor == WorkOrderActor.Requester && Rating is >= WorkOrderKpi.SatisfiedFrom) return WorkOrderErrors.ReopenAfterSatisfied;
        var step = Move(WorkOrderAction.Reopen, actor, who, now, reason);
        if (!step.IsSuccess) return step;
        ReopenCount++;
        LastReason = reason;
        Rating = null;
        RatingComment = null;
        RatedByFollowUp = false;
        RatedAt = null;
        ResolvedAt = null;
        ResolutionDeadline = calendar.Deadline(now, category.ResolutionLimit);
        UpdateDueAt();
        ResetEscalation();
        return step;
    }

    public Result<WorkOrderStep> Close(WorkOrderActor actor, Actor who, string? note, DateTime now)
    {
        var step = Move(WorkOrderAction.Close, actor, who, now, note);
        if (!step.IsSuccess) return step;
        ClosedAt = now;
        return step;
    }

    /// <summary>退单: back to 待派单 with a reason, for the dispatcher to send elsewhere.</summary>
    public Result<WorkOrderStep> Return(WorkOrderActor actor, Actor who, string reason, DateTime now)
    {
        var step = Move(WorkOrderAction.Return, actor, who, now, reason);
        if (!step.IsSuccess) return step;
        LastReason = reason;
        AssigneeOrganizationId = null;
        AssigneePersonId = null;
        IsPooled = false;
        ClearHandler();
        return step;
    }

    public Result<WorkOrderStep> Withdraw(WorkOrderActor actor, Actor who, string? reason, DateTime now)
    {
        var step = Move(WorkOrderAction.Withdraw, actor, who, now, reason);
        if (!step.IsSuccess) return step;
        LastReason = reason;
        ClosedAt = now;
        return step;
    }

    public Result<WorkOrderStep> Reject(WorkOrderActor actor, Actor who, string reason, DateTime now)
    {
        var step = Move(WorkOrderAction.Reject, actor, who, now, reason);
        if (!step.IsSuccess) return step;
        LastReason = reason;
        ClosedAt = now;
        return step;
    }

    /// <summary>升级督办: one level up the ladder (no change of state). The caller says which level is due.</summary>
    public Result<WorkOrderStep> Escalate(WorkOrderActor actor, int toLevel, string levelName, DateTime now)
    {
        if (toLevel != EscalationLevel + 1) return WorkOrderErrors.EscalationOutOfOrder;
        var step = Move(WorkOrderAction.Escalate, actor, Actor.System, now, $"第{toLevel}级：{levelName}");
        if (!step.IsSuccess) return step;
        EscalationLevel = toLevel;
        EscalatedAt = now;
        step.Value.EscalationLevel = toLevel;
        return step;
    }

    /// <summary>The actions <paramref name="actor"/> may take now (the buttons a page shows).</summary>
    public IReadOnlyList<WorkOrderAction> AllowedActions(WorkOrderActor actor) =>
        [.. WorkOrderTransitions.Allowed(Status, actor).Where(a => a != WorkOrderAction.Escalate)];

    private Result<WorkOrderStep> Move(WorkOrderAction action, WorkOrderActor actor, Actor who, DateTime now, string? note)
    {
        var transition = WorkOrderTransitions.Find(Status, action);
        if (transition is null) return WorkOrderErrors.InvalidTransition(Status, action);
        if ((transition.Actors & actor) == 0) return WorkOrderErrors.NotAllowed(action, transition.Actors);
        var used = Enum.GetValues<WorkOrderActor>().First(a => a != WorkOrderActor.None && (transition.Actors & actor & a) != 0);
        var step = new WorkOrderStep
        {
            WorkOrderId = Id,
            Order = this,
            At = now,
            Action = action,
            FromStatus = Status,
            ToStatus = transition.To,
            ActorRole = used,
            ActorUserId = who.UserId,
            ActorName = who.Name,
            Note = note,
        };
        Status = transition.To;
        UpdatedAt = now;
        Version++;
        UpdateDueAt();
        return step;
    }

    /// <summary>Keeps <see cref="DueAt"/> right: called wherever the state, the first response or a deadline changes.</summary>
    private void UpdateDueAt() => DueAt = !Status.IsOpen() ? null
        : RespondedAt is null && ResponseDeadline < ResolutionDeadline ? ResponseDeadline
        : ResolutionDeadline;

    private void ClearHandler()
    {
        HandlerPersonId = null;
        HandlerUserId = null;
        HandlerName = null;
        HandlerOrganizationId = null;
        ClaimedAt = null;
    }

    private void ResetEscalation()
    {
        EscalationLevel = 0;
        EscalatedAt = null;
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}

/// <summary>Who acts, as the log records them.</summary>
public sealed record Actor(Guid? UserId, string Name)
{
    public static Actor System { get; } = new(null, "系统");
}

/// <summary>What 点单 needs, already validated.</summary>
public sealed record WorkOrderSubmission(
    Guid PlaceOrganizationId,
    string Description,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? RequesterName,
    string? RequesterPhone,
    Guid? RequesterPersonId,
    Guid? SubmittedByUserId,
    string ActorName,
    WorkOrderChannel Channel,
    string? ClientRequestId);
