using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.Queries;

public sealed record WorkOrderPhotoLink(Guid Id, string Url, string ContentType);

public sealed record TimelineEntry(
    long Id,
    DateTime At,
    WorkOrderAction Action,
    string ActionLabel,
    WorkOrderStatus? FromStatus,
    WorkOrderStatus ToStatus,
    string ToStatusLabel,
    string ActorName,
    string ActorRoleLabel,
    string? Note,
    int? Rating,
    int? EscalationLevel,
    string? TargetName,
    IReadOnlyList<WorkOrderPhotoLink> Photos);

public sealed record AllowedAction(WorkOrderAction Action, string Slug, string Label);

public sealed record WorkOrderDetails(
    long Id,
    string Number,
    WorkOrderStatus Status,
    string StatusLabel,
    string PublicStatusLabel,
    Guid CategoryId,
    string CategoryName,
    CategoryKind CategoryKind,
    string Description,
    Guid PlaceOrganizationId,
    string PlaceName,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? RequesterName,
    string? RequesterPhone,
    WorkOrderChannel Channel,
    string ChannelLabel,
    Guid? AssigneeOrganizationId,
    string? AssigneeOrganizationName,
    Guid? AssigneePersonId,
    string? AssigneePersonName,
    bool IsPooled,
    Guid? HandlerOrganizationId,
    string? HandlerName,
    DateTime SubmittedAt,
    DateTime? RespondedAt,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    DateTime ResponseDeadline,
    DateTime ResolutionDeadline,
    bool IsOverdue,
    int EscalationLevel,
    string? EscalationLevelName,
    int? Rating,
    string? RatingComment,
    bool RatedByFollowUp,
    int ReopenCount,
    string? LastReason,
    IReadOnlyList<AllowedAction> AllowedActions,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary>What the requester sees by the tracking link: the simplified status and a timeline without staff names or phone numbers.</summary>
public sealed record PublicWorkOrder(
    string Number,
    PublicStatus Status,
    string StatusLabel,
    string CategoryName,
    string Description,
    string PlaceName,
    DateTime SubmittedAt,
    DateTime ResolutionDeadline,
    string? ResolutionNote,
    int? Rating,
    string? RatingComment,
    string? Reason,
    bool CanRate,
    bool CanReopen,
    bool CanWithdraw,
    IReadOnlyList<PublicTimelineEntry> Timeline);

public sealed record PublicTimelineEntry(DateTime At, string Label, string? Who, string? Note, IReadOnlyList<WorkOrderPhotoLink> Photos);

public sealed class WorkOrderDetailsQuery(AppDbContext db, WorkOrderAccess access, TimeProvider clock)
{
    public async Task<Result<WorkOrderDetails>> GetAsync(long id, CancellationToken ct = default)
    {
        var order = await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return WorkOrderErrors.NotFound;
        var (visible, actor) = await access.ActorAsync(order, ct);
        if (!visible) return WorkOrderErrors.NotFound;

        var category = await db.WorkOrderCategories.AsNoTracking().FirstAsync(c => c.Id == order.CategoryId, ct);
        var ladder = await db.EscalationLadders.AsNoTracking().FirstOrDefaultAsync(l => l.Id == category.EscalationLadderId, ct);
        var steps = await db.WorkOrderSteps.AsNoTracking().Include(s => s.Photos).Where(s => s.WorkOrderId == id).OrderBy(s => s.Id).ToListAsync(ct);
        var orgIds = steps.Select(s => s.TargetOrganizationId).Append(order.PlaceOrganizationId).Append(order.AssigneeOrganizationId).OfType<Guid>().Distinct().ToList();
        var orgNames = await db.Organizations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var personIds = steps.Select(s => s.TargetPersonId).Append(order.AssigneePersonId).OfType<Guid>().Distinct().ToList();
        var personNames = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name ?? "（未留名）", ct);
        string? Org(Guid? gid) => gid is { } g && orgNames.TryGetValue(g, out var n) ? n : null;
        string? Person(Guid? gid) => gid is { } g && personNames.TryGetValue(g, out var n) ? n : null;

        // Phone numbers in full for those who must call back (dispatchers and handlers); masked for everyone else.
        var needsContact = (actor & (WorkOrderActor.Dispatcher | WorkOrderActor.Handler | WorkOrderActor.Requester)) != 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var timeline = steps.Select(s => new TimelineEntry(
            s.Id, s.At, s.Action, s.Action.Label(), s.FromStatus, s.ToStatus, s.ToStatus.Label(), s.ActorName, s.ActorRole.Label(), s.Note, s.Rating, s.EscalationLevel,
            s.TargetPersonId is not null ? $"{Person(s.TargetPersonId)}（{Org(s.TargetOrganizationId)}）" : Org(s.TargetOrganizationId),
            [.. s.Photos.Select(p => new WorkOrderPhotoLink(p.Id, $"/api/work-orders/{id}/photos/{p.Id}", p.ContentType))])).ToList();

        return new WorkOrderDetails(
            order.Id, order.Number, order.Status, order.Status.Label(), order.Status.ToPublic().Label(),
            category.Id, category.Name, category.Kind, order.Description,
            order.PlaceOrganizationId, Org(order.PlaceOrganizationId) ?? "", order.Address, order.Latitude, order.Longitude,
            needsContact ? order.RequesterName : PersonalData.MaskName(order.RequesterName),
            needsContact ? order.RequesterPhone : PersonalData.MaskPhone(order.RequesterPhone),
            order.Channel, order.Channel.Label(),
            order.AssigneeOrganizationId, Org(order.AssigneeOrganizationId), order.AssigneePersonId, Person(order.AssigneePersonId), order.IsPooled,
            order.HandlerOrganizationId, order.HandlerName,
            order.SubmittedAt, order.RespondedAt, order.ResolvedAt, order.ClosedAt, order.ResponseDeadline, order.ResolutionDeadline,
            order.IsOverdue(now), order.EscalationLevel, ladder?.Level(order.EscalationLevel)?.Name,
            order.Rating, order.RatingComment, order.RatedByFollowUp, order.ReopenCount, order.LastReason,
            [.. order.AllowedActions(actor).Select(a => new AllowedAction(a, a.Slug(), a.Label()))],
            timeline);
    }

    public async Task<Result<PublicWorkOrder>> ByTokenAsync(string? token, CancellationToken ct = default)
    {
        var found = await access.FindByTokenAsync(token, ct);
        if (!found.IsSuccess) return found.Error;
        var order = found.Value;
        var category = await db.WorkOrderCategories.AsNoTracking().Where(c => c.Id == order.CategoryId).Select(c => c.Name).FirstAsync(ct);
        var place = await db.Organizations.AsNoTracking().Where(o => o.Id == order.PlaceOrganizationId).Select(o => o.Name).FirstAsync(ct);
        var steps = await db.WorkOrderSteps.AsNoTracking().Include(s => s.Photos).Where(s => s.WorkOrderId == order.Id).OrderBy(s => s.Id).ToListAsync(ct);
        var orgIds = steps.Select(s => s.TargetOrganizationId).OfType<Guid>().Distinct().ToList();
        var orgNames = await db.Organizations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var allowed = order.AllowedActions(WorkOrderActor.Requester);
        var canReopen = allowed.Contains(WorkOrderAction.Reopen) && order.Rating is not >= WorkOrderKpi.SatisfiedFrom;
        return new PublicWorkOrder(
            order.Number, order.Status.ToPublic(), order.Status.ToPublic().Label(), category, order.Description, place,
            order.SubmittedAt, order.ResolutionDeadline, order.ResolutionNote, order.Rating, order.RatingComment,
            order.Status is WorkOrderStatus.Rejected or WorkOrderStatus.Withdrawn ? order.LastReason : null,
            allowed.Contains(WorkOrderAction.Rate), canReopen, allowed.Contains(WorkOrderAction.Withdraw),
            [.. steps.Where(s => s.Action != WorkOrderAction.Escalate).Select(s => new PublicTimelineEntry(
                s.At, PublicLabel(s), PublicWho(s, orgNames),
                s.Action is WorkOrderAction.Resolve or WorkOrderAction.Reject or WorkOrderAction.Rate or WorkOrderAction.Reopen or WorkOrderAction.Withdraw or WorkOrderAction.Progress ? s.Note : null,
                [.. s.Photos.Select(p => new WorkOrderPhotoLink(p.Id, $"/api/tracking/{order.TrackingToken}/photos/{p.Id}", p.ContentType))]))]);
    }

    private static string PublicLabel(WorkOrderStep s) => s.Action switch
    {
        WorkOrderAction.Submit => "已提交，等待受理",
        WorkOrderAction.Dispatch or WorkOrderAction.Reassign => "已派给承办单位",
        WorkOrderAction.Claim => "已接单，正在办理",
        WorkOrderAction.Progress => "办理进展",
        WorkOrderAction.Resolve => "已办结",
        WorkOrderAction.Rate => $"您的评价：{s.Rating}星",
        WorkOrderAction.FollowUp => $"电话回访：{s.Rating}星",
        WorkOrderAction.Reopen => "重新办理",
        WorkOrderAction.Close => "已销号，办理完成",
        WorkOrderAction.Return => "重新派单中",
        WorkOrderAction.Withdraw => "已撤回",
        WorkOrderAction.Reject => "未予受理",
        _ => s.Action.Label(),
    };

    private static string? PublicWho(WorkOrderStep s, Dictionary<Guid, string> orgNames) =>
        s.TargetOrganizationId is { } o && orgNames.TryGetValue(o, out var name) ? name : null;
}
