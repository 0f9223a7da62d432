using Lianjian.Web.Platform.Auditing;
using Lianjian.Web.Platform.Calendar;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>The kinds of service the seeds count (4173 professional services, 371 practical projects, 253 cultural events, 623 policy talks …).</summary>
public enum CategoryKind
{
    /// <summary>专业服务: 农技、医疗、法律 ….</summary>
    ProfessionalService,

    /// <summary>便民事项.</summary>
    ConvenienceItem,

    /// <summary>民生实事 / 实事项目.</summary>
    PracticalProject,

    /// <summary>文化活动.</summary>
    CulturalEvent,

    /// <summary>政策宣讲.</summary>
    PolicyTalk,
}

/// <summary>
/// 工单类别: a dictionary admins edit. Each category says its time limits (响应时限, 办结时限) and which escalation ladder
/// overdue orders climb. It is also an Open311 service (<see cref="Code"/> is the service_code).
/// </summary>
public sealed class Category : IAudited
{
    public const int NameMax = 50;
    public const int CodeMax = 40;
    public const int DescriptionMax = 500;

    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public CategoryKind Kind { get; set; }

    public string? Description { get; set; }

    public int ResponseLimitAmount { get; set; }

    public TimeLimitUnit ResponseLimitUnit { get; set; }

    public int ResolutionLimitAmount { get; set; }

    public TimeLimitUnit ResolutionLimitUnit { get; set; }

    public Guid EscalationLadderId { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public TimeLimit ResponseLimit
    {
        get => new(ResponseLimitAmount, ResponseLimitUnit);
        set => (ResponseLimitAmount, ResponseLimitUnit) = (value.Amount, value.Unit);
    }

    public TimeLimit ResolutionLimit
    {
        get => new(ResolutionLimitAmount, ResolutionLimitUnit);
        set => (ResolutionLimitAmount, ResolutionLimitUnit) = (value.Amount, value.Unit);
    }

    // A dictionary belongs to no subtree: its changes show in the unscoped (system and committee admin) audit view.
    Guid? IAudited.AuditScopeOrganizationId => null;

    string IAudited.AuditLabel => Name;
}

public static class CategoryKindLabels
{
    public static string Label(this CategoryKind kind) => kind switch
    {
        CategoryKind.ProfessionalService => "专业服务",
        CategoryKind.ConvenienceItem => "便民事项",
        CategoryKind.PracticalProject => "实事项目",
        CategoryKind.CulturalEvent => "文化活动",
        CategoryKind.PolicyTalk => "政策宣讲",
        _ => kind.ToString(),
    };
}
