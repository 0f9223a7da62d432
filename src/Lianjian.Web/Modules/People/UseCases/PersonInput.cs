using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.People.UseCases;

/// <summary>The editable fields of a person, shared by create, update and the Excel import.</summary>
public sealed record PersonInput(
    string? Name,
    PersonKind? Kind,
    Guid? OrganizationId,
    string? Phone = null,
    string? IdNumber = null,
    Gender? Gender = null,
    DateOnly? BirthDate = null,
    MemberStatus? MemberStatus = null,
    DateOnly? JoinedPartyOn = null,
    bool IsInService = false,
    string? Title = null,
    IReadOnlyList<string>? Skills = null,
    IReadOnlyList<string>? Tags = null,
    string? Remark = null)
{
    public const int MaxSkillsOrTags = 20;
    public const int SkillMax = 20;

    public Validator Validate()
    {
        var v = new Validator()
            .Must(Kind is not null, nameof(Kind), "请选择人员类别")
            .Must(OrganizationId is not null, nameof(OrganizationId), "请选择所属组织")
            .Text(nameof(Name), Name, Person.NameMax, "姓名")
            .Phone(nameof(Phone), Phone)
            .IdNumber(nameof(IdNumber), IdNumber)
            .Text(nameof(Title), Title, 50, "职务")
            .Text(nameof(Remark), Remark, 500, "备注")
            .Must((Skills?.Count ?? 0) <= MaxSkillsOrTags, nameof(Skills), $"技能最多{MaxSkillsOrTags}项")
            .Must((Tags?.Count ?? 0) <= MaxSkillsOrTags, nameof(Tags), $"标签最多{MaxSkillsOrTags}项")
            .Must((Skills ?? []).Concat(Tags ?? []).All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= SkillMax), nameof(Skills), $"每项技能或标签须为1到{SkillMax}个字符");

        // Residents and enterprises may be known by a phone number alone; everyone else needs a name.
        if (Kind is PersonKind.Resident or PersonKind.Enterprise)
            v.Must(!string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(Phone), nameof(Phone), "群众或企业至少需要填写姓名（名称）或手机号之一");
        else if (Kind is not null)
            v.Required(nameof(Name), Name, "姓名");
        if (Kind == PersonKind.PartyMember) v.Must(MemberStatus is not null, nameof(MemberStatus), "党员须选择党员类别（正式、预备、积极分子）");
        if (BirthDate is { } birth) v.Must(birth.Year is >= 1900 and <= 2100, nameof(BirthDate), "出生日期不正确");
        return v;
    }

    public static List<string> CleanList(IReadOnlyList<string>? items) =>
        (items ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
}
