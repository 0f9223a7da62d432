namespace Lianjian.IntegrationTests.WorkOrders;

public sealed record CategoryDto(Guid Id, string Code, string Name, string Kind, string ResponseLimitLabel, string ResolutionLimitLabel, bool IsActive);

public sealed record SubmittedDto(long Id, string Number, string TrackingToken, string TrackingUrl, DateTime ResponseDeadline, DateTime ResolutionDeadline, bool AlreadySubmitted);

public sealed record MovedDto(long Id, string Status, string StatusLabel, long StepId);

public sealed record PhotoDto(Guid Id, string Url, string ContentType);

public sealed record TimelineDto(long Id, DateTime At, string Action, string ActionLabel, string? FromStatus, string ToStatus, string ActorName, string ActorRoleLabel, string? Note, int? Rating, int? EscalationLevel, string? TargetName, List<PhotoDto> Photos);

public sealed record AllowedDto(string Action, string Slug, string Label);

public sealed record WorkOrderDto(
    long Id, string Number, string Status, string StatusLabel, string PublicStatusLabel, Guid CategoryId, string CategoryName, string Description,
    Guid PlaceOrganizationId, string PlaceName, string? RequesterName, string? RequesterPhone, string Channel,
    Guid? AssigneeOrganizationId, Guid? AssigneePersonId, bool IsPooled, string? HandlerName,
    DateTime SubmittedAt, DateTime? RespondedAt, DateTime? ResolvedAt, DateTime? ClosedAt, DateTime ResponseDeadline, DateTime ResolutionDeadline,
    bool IsOverdue, int EscalationLevel, int? Rating, int ReopenCount, List<AllowedDto> AllowedActions, List<TimelineDto> Timeline);

public sealed record WorkOrderRowDto(long Id, string Number, string Status, string CategoryName, string Description, string PlaceName, string? RequesterName, string? RequesterPhone, DateTime SubmittedAt, bool IsOverdue, int EscalationLevel, DateTime? DueAt = null);

public sealed record WorkOrderPageDto(List<WorkOrderRowDto> Items, string? NextCursor, Dictionary<string, int>? CountsByStatus);

public sealed record PublicTimelineDto(DateTime At, string Label, string? Who, string? Note, List<PhotoDto> Photos);

public sealed record PublicWorkOrderDto(string Number, string Status, string StatusLabel, string CategoryName, string Description, string PlaceName, bool CanRate, bool CanReopen, bool CanWithdraw, int? Rating, List<PublicTimelineDto> Timeline);
