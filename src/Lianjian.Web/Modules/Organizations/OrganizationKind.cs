namespace Lianjian.Web.Modules.Organizations;

/// <summary>Every kind of node in the one organization tree (GLOSSARY.md).</summary>
public enum OrganizationKind
{
    // party organisations
    PartyCommittee,
    WorkCommittee,
    GeneralBranch,
    Branch,
    PartyGroup,

    // administrative units
    City,
    County,
    Township,
    Village,
    Community,

    // grid cells, levels 1–5 (社区—楼院—小区—楼栋—单元)
    Grid,

    // non-party participants
    Department,
    Enterprise,
    Cooperative,
    PropertyCompany,
    Association,
    Unit,
}

public static class OrganizationKinds
{
    public const int MaxGridLevel = 5;

    public static string Label(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.PartyCommittee => "党委",
        OrganizationKind.WorkCommittee => "工委",
        OrganizationKind.GeneralBranch => "党总支",
        OrganizationKind.Branch => "党支部",
        OrganizationKind.PartyGroup => "党小组",
        OrganizationKind.City => "市",
        OrganizationKind.County => "县区",
        OrganizationKind.Township => "乡镇街道",
        OrganizationKind.Village => "村",
        OrganizationKind.Community => "社区",
        OrganizationKind.Grid => "网格",
        OrganizationKind.Department => "部门",
        OrganizationKind.Enterprise => "企业",
        OrganizationKind.Cooperative => "合作社",
        OrganizationKind.PropertyCompany => "物业",
        OrganizationKind.Association => "协会",
        OrganizationKind.Unit => "单位",
        _ => kind.ToString(),
    };

    public static bool IsParty(this OrganizationKind kind) => kind is OrganizationKind.PartyCommittee or OrganizationKind.WorkCommittee
        or OrganizationKind.GeneralBranch or OrganizationKind.Branch or OrganizationKind.PartyGroup;

    /// <summary>Parses a code name or a Chinese label (as typed in an Excel sheet).</summary>
    public static OrganizationKind? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        foreach (var kind in Enum.GetValues<OrganizationKind>())
        {
            if (string.Equals(kind.ToString(), text, StringComparison.OrdinalIgnoreCase) || kind.Label() == text) return kind;
        }

        return text switch
        {
            "县" or "区" or "县(区)" or "县（区）" => OrganizationKind.County,
            "乡镇" or "镇" or "乡" or "街道" => OrganizationKind.Township,
            "村社区" => OrganizationKind.Village,
            "党组织" => OrganizationKind.Branch,
            "网格党支部" => OrganizationKind.Branch,
            _ => null,
        };
    }
}
