namespace Lianjian.Web.Platform.Auditing;

/// <summary>One change by a person (who, when, what, before → after). Written by <see cref="AuditInterceptor"/>.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public Guid? UserId { get; set; }

    public string UserName { get; set; } = "";

    /// <summary>Created, Updated, Deleted, or a named action such as Moved or Imported.</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>A short human label of the changed row (its name), so the log reads without joins.</summary>
    public string? EntityLabel { get; set; }

    /// <summary>The organization whose subtree the change belongs to, for the scoped audit view.</summary>
    public Guid? ScopeOrganizationId { get; set; }

    /// <summary>JSON object: property → [before, after].</summary>
    public string Changes { get; set; } = "{}";
}

/// <summary>Implemented by entities whose changes are audited; tells which organization they belong to.</summary>
public interface IAudited
{
    Guid? AuditScopeOrganizationId { get; }

    string AuditLabel { get; }
}
