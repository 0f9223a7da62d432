using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Auditing;

namespace Lianjian.Web.Modules.People;

/// <summary>
/// Anyone the platform knows: party members (home branch), leaders, stationed cadres, grid workers (their grid),
/// and residents or enterprises who may be known by a phone number alone.
/// </summary>
public sealed class Person : IAudited
{
    public const int NameMax = 50;

    public Guid Id { get; set; }

    /// <summary>May be empty for a resident or enterprise known only by phone.</summary>
    public string? Name { get; set; }

    public PersonKind Kind { get; set; }

    public Gender? Gender { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? Phone { get; set; }

    public string? IdNumber { get; set; }

    /// <summary>Home organization: a member's branch, a grid worker's grid, a resident's village or community.</summary>
    public Guid OrganizationId { get; set; }

    public Organization Organization { get; set; } = null!;

    /// <summary>Null when the person is not (yet) in the party.</summary>
    public MemberStatus? MemberStatus { get; set; }

    public DateOnly? JoinedPartyOn { get; set; }

    /// <summary>在职党员: works in a unit and also registers with a residential community (双报到).</summary>
    public bool IsInService { get; set; }

    /// <summary>职务, e.g. 县委常委, 支部书记, 第一书记.</summary>
    public string? Title { get; set; }

    /// <summary>农技、医疗、法律、维修、理发 … used to match orders to people.</summary>
    public List<string> Skills { get; set; } = [];

    public List<string> Tags { get; set; } = [];

    public string? Remark { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public List<StationedPeriod> StationedPeriods { get; set; } = [];

    public List<CommunityRegistration> CommunityRegistrations { get; set; } = [];

    Guid? IAudited.AuditScopeOrganizationId => OrganizationId;

    string IAudited.AuditLabel => Name ?? Phone ?? Id.ToString();

    public string DisplayName => Name ?? (Phone is null ? "（未留名）" : "（未留名 " + Platform.Results.PersonalData.MaskPhone(Phone) + "）");
}

/// <summary>A stationed cadre's period in a village: on site (驻村) or liaison (联络).</summary>
public sealed class StationedPeriod : IAudited
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public Guid VillageId { get; set; }

    public StationingKind Kind { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public string? Remark { get; set; }

    Guid? IAudited.AuditScopeOrganizationId => VillageId;

    string IAudited.AuditLabel => $"{Kind.Label()} {StartsOn:yyyy-MM-dd}";
}

/// <summary>双报到: an in-service member registered with a residential community, and the post taken there (设岗定责).</summary>
public sealed class CommunityRegistration : IAudited
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public Guid CommunityId { get; set; }

    public DateOnly RegisteredOn { get; set; }

    /// <summary>CommunityPost: the post taken in the community, e.g. 楼道长, 政策宣讲员.</summary>
    public string? Post { get; set; }

    Guid? IAudited.AuditScopeOrganizationId => CommunityId;

    string IAudited.AuditLabel => Post ?? "双报到";
}
