namespace Lianjian.Web.Modules.People;

/// <summary>Who a person is to the platform. A leader or a stationed cadre is usually a party member too (see <see cref="Person.MemberStatus"/>).</summary>
public enum PersonKind
{
    PartyMember,
    Leader,
    StationedCadre,
    GridWorker,
    Resident,
    Enterprise,
}

/// <summary>正式党员 · 预备党员 · 入党积极分子.</summary>
public enum MemberStatus
{
    Formal,
    Probationary,
    Activist,
}

public enum Gender
{
    Male,
    Female,
}

/// <summary>驻村: one month on site, then two months of liaison (seeds).</summary>
public enum StationingKind
{
    OnSite,
    Liaison,
}

public static class PersonLabels
{
    public static string Label(this PersonKind kind) => kind switch
    {
        PersonKind.PartyMember => "党员",
        PersonKind.Leader => "领导干部",
        PersonKind.StationedCadre => "驻村干部",
        PersonKind.GridWorker => "网格员",
        PersonKind.Resident => "群众",
        PersonKind.Enterprise => "企业",
        _ => kind.ToString(),
    };

    public static string Label(this MemberStatus status) => status switch
    {
        MemberStatus.Formal => "正式党员",
        MemberStatus.Probationary => "预备党员",
        MemberStatus.Activist => "入党积极分子",
        _ => status.ToString(),
    };

    public static string Label(this Gender gender) => gender == Gender.Male ? "男" : "女";

    public static string Label(this StationingKind kind) => kind == StationingKind.OnSite ? "驻村" : "联络";

    public static PersonKind? ParseKind(string? text) => Parse<PersonKind>(text, k => k.Label());

    public static MemberStatus? ParseMemberStatus(string? text) =>
        text?.Trim() is "正式" ? MemberStatus.Formal : text?.Trim() is "预备" ? MemberStatus.Probationary : text?.Trim() is "积极分子" ? MemberStatus.Activist
        : Parse<MemberStatus>(text, s => s.Label());

    public static Gender? ParseGender(string? text) => Parse<Gender>(text, g => g.Label());

    private static T? Parse<T>(string? text, Func<T, string> label) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase) || label(value) == text) return value;
        }

        return null;
    }
}
