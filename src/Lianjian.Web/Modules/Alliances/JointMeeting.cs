using Lianjian.Web.Platform.Auditing;

namespace Lianjian.Web.Modules.Alliances;

/// <summary>联席会议: a meeting of an alliance, with attendees, minutes and decisions.</summary>
public sealed class JointMeeting : IAudited
{
    public Guid Id { get; set; }

    public Guid AllianceId { get; set; }

    public Guid ScopeOrganizationId { get; set; }

    public DateTime HeldAt { get; set; }

    public string Place { get; set; } = "";

    public string Topic { get; set; } = "";

    public List<string> Attendees { get; set; } = [];

    public string? Minutes { get; set; }

    public List<string> Decisions { get; set; } = [];

    Guid? IAudited.AuditScopeOrganizationId => ScopeOrganizationId;

    string IAudited.AuditLabel => Topic;
}
