namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>
/// One entry of an order's log: who, when, from → to, note, photos. The log is the audit trail, the timeline the
/// requester follows, and the data of the statistics. Steps are only ever added.
/// </summary>
public sealed class WorkOrderStep
{
    public long Id { get; set; }

    public long WorkOrderId { get; set; }

    public WorkOrder? Order { get; set; }

    public DateTime At { get; set; }

    public WorkOrderAction Action { get; set; }

    public WorkOrderStatus? FromStatus { get; set; }

    public WorkOrderStatus ToStatus { get; set; }

    /// <summary>In which capacity the actor took the step (requester, dispatcher, handler …).</summary>
    public WorkOrderActor ActorRole { get; set; }

    public Guid? ActorUserId { get; set; }

    public string ActorName { get; set; } = "";

    public string? Note { get; set; }

    public int? Rating { get; set; }

    public int? EscalationLevel { get; set; }

    public Guid? TargetOrganizationId { get; set; }

    public Guid? TargetPersonId { get; set; }

    public List<WorkOrderPhoto> Photos { get; set; } = [];
}

/// <summary>A photo of a step (the submission's or a progress note's), stored outside the web root by the file store.</summary>
public sealed class WorkOrderPhoto
{
    public Guid Id { get; set; }

    public long WorkOrderId { get; set; }

    public WorkOrder? Order { get; set; }

    public long StepId { get; set; }

    public string StoredName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }
}
