using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>The editable fields of an alliance (lengths as in AllianceConfiguration).</summary>
public sealed record AllianceInput(
    string? Name,
    AllianceKind? Kind,
    Guid? LeadOrganizationId,
    string? Description = null,
    DateOnly? FoundedOn = null)
{
    public const int NameMax = 100;
    public const int DescriptionMax = 2000;

    public Validator Validate()
    {
        var v = new Validator()
            .Text(nameof(Name), Name, NameMax, "联建名称", required: true)
            .Must(LeadOrganizationId is not null, nameof(LeadOrganizationId), "请选择牵头组织")
            .Text(nameof(Description), Description, DescriptionMax, "简介")
            .Must(FoundedOn is not { } founded || ChinaClock.IsPlausible(founded), nameof(FoundedOn), "成立日期不正确");
        if (Kind is not { } kind) v.Add(nameof(Kind), "请选择联建类型");
        else v.Must(Enum.IsDefined(kind), nameof(Kind), "联建类型不正确");
        return v;
    }

}

/// <summary>An organization joining an alliance, with the part it plays (市级牵头支部, 县级中心支部, 海岛村 …).</summary>
public sealed record AllianceMemberInput(Guid? OrganizationId, string? Role = null, DateOnly? JoinedOn = null)
{
    public const int RoleMax = 50;

    public Validator Validate() => new Validator()
        .Must(OrganizationId is not null, nameof(OrganizationId), "请选择要加入的组织")
        .Text(nameof(Role), Role, RoleMax, "在联建中的角色")
        .Must(JoinedOn is not { } joined || ChinaClock.IsPlausible(joined), nameof(JoinedOn), "加入日期不正确");
}
