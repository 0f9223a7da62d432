using System.Text.RegularExpressions;

namespace Lianjian.Web.Platform.Results;

/// <summary>Checks and masks phone and ID numbers (数据权限: personal data masked unless needed).</summary>
public static partial class PersonalData
{
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{17}[\dXx]$")]
    private static partial Regex IdNumberPattern();

    public static bool IsPhone(string value) => PhonePattern().IsMatch(value);

    public static bool IsIdNumber(string value) => IdNumberPattern().IsMatch(value);

    /// <summary>13812345678 → 138****5678; short values keep only their last two characters.</summary>
    public static string? MaskPhone(string? phone) => phone switch
    {
        null or "" => phone,
        { Length: >= 11 } => string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4)),
        { Length: > 2 } => new string('*', phone.Length - 2) + phone[^2..],
        _ => "**",
    };

    /// <summary>330902199001011234 → 330***********1234.</summary>
    public static string? MaskIdNumber(string? id) => id switch
    {
        null or "" => id,
        { Length: > 7 } => string.Concat(id.AsSpan(0, 3), new string('*', id.Length - 7), id.AsSpan(id.Length - 4)),
        _ => new string('*', id.Length),
    };

    /// <summary>张三 → 张*, 欧阳明华 → 欧***: what the public and members see of a requester's name.</summary>
    public static string? MaskName(string? name) => name switch
    {
        null or "" => name,
        { Length: 1 } => "*",
        _ => name[..1] + new string('*', name.Length - 1),
    };
}
