using Lianjian.Web.Platform.Auditing;

namespace Lianjian.Web.Modules.Alliances;

public enum AllianceKind
{
    /// <summary>三级支部党建联建片组: city branch × county centre × island village.</summary>
    ThreeLevel,

    /// <summary>红色联盟, e.g. 1+74+N.</summary>
    RedAlliance,

    /// <summary>大党委: units around communities.</summary>
    GrandCommittee,

    Other,
}

/// <summary>联建 / 联盟: a named group of organizations across levels and trees, with a lead organization.</summary>
public sealed class Alliance : IAudited
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public AllianceKind Kind { get; set; }

    public Guid LeadOrganizationId { get; set; }

    public string? Description { get; set; }

    public DateOnly? FoundedOn { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public List<AllianceMember> Members { get; set; } = [];

    Guid? IAudited.AuditScopeOrganizationId => LeadOrganizationId;

    string IAudited.AuditLabel => Name;
}

public sealed class AllianceMember : IAudited
{
    public Guid AllianceId { get; set; }

    public Guid OrganizationId { get; set; }

    public DateOnly? JoinedOn { get; set; }

    /// <summary>The part this organization plays, e.g. 市级牵头支部, 县级中心支部, 海岛村.</summary>
    public string? Role { get; set; }

    Guid? IAudited.AuditScopeOrganizationId => OrganizationId;

    string IAudited.AuditLabel => Role ?? "联建成员";
}

public static class AllianceLabels
{
    public static string Label(this AllianceKind kind) => kind switch
    {
        AllianceKind.ThreeLevel => "三级联建片组",
        AllianceKind.RedAlliance => "红色联盟",
        AllianceKind.GrandCommittee => "大党委",
        _ => "其他联建",
    };
}
