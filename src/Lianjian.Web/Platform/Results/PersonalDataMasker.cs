using System.Text;
using System.Text.RegularExpressions;

namespace Lianjian.Web.Platform.Results;

/// <summary>
/// Removes what looks like personal data from free text that the public will read (公示: descriptions, result notes).
/// What it masks (docs/kpis.md, "公示"):
/// <list type="bullet">
/// <item>e-mail addresses: z***@example.com;</item>
/// <item>ID-card numbers (18 characters ending in a digit or X, or the old 15 digits): 330***********123X;</item>
/// <item>mobile numbers (11 digits from 13–19, also written 138 1234 5678 / 138-1234-5678, with or without +86): 138****5678;</item>
/// <item>landlines with an area code (0580-2281234, (0580)2281234, 05802281234): 0580-*******;</item>
/// <item>any other run of 7 or more digits (a local number, a bank card, a QQ number, an 8-digit date): all stars;</item>
/// <item>house numbers: the digits before 幢/栋/号楼/单元/室 and between a road and 号 (东海路18号 → 东海路**号);</item>
/// <item>names of up to four characters after 我叫/名叫/叫做/姓名：/联系人/报修人/申请人 (the surname stays: 张**), and the surname after 姓 (我姓王 → 我姓*; not in 百姓, 姓名).</item>
/// </list>
/// Full-width digits count as digits. It errs on the side of masking: "我叫了物业" loses two characters, which is the price
/// of never printing a name. Mask first, then shorten (<see cref="Excerpt"/>), so that a cut never leaves half a number.
/// </summary>
public static partial class PersonalDataMasker
{
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\d{17}[0-9Xx]|\d{15})(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)(?:(?:\+|00)?86[\s\-]?)?(1[3-9]\d)[\s\-]?(\d{4})[\s\-]?(\d{4})(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)[(（]?(0\d{2,3})[)）]?[\s\-]?(\d{7,8})(?!\d)")]
    private static partial Regex Landline();

    [GeneratedRegex(@"(?<!\d)\d{7,}(?!\d)")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"\d+(?:[\-－]\d+)*(?=号楼|号院|幢|栋|单元|室)|(?<=[路街巷弄道里])\d+(?=号)")]
    private static partial Regex HouseNumber();

    [GeneratedRegex(@"(?<marker>我叫|名叫|叫做|姓名\s*[:：]\s*|联系人[:：\s]*|报修人[:：\s]*|申请人[:：\s]*)(?<name>(?:(?!电话|手机|联系|住在|家住|反映|的|在)\p{IsCJKUnifiedIdeographs}){1,4})")]
    private static partial Regex NameAfterMarker();

    [GeneratedRegex(@"(?<!百)姓(?![名氏])(?<surname>欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|长孙|宇文|司徒|夏侯|端木|南宫|独孤|\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex Surname();

    public static string? Mask(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var s = AsciiDigits(text);
        s = Email().Replace(s, m => m.Value[0] + "***" + m.Value[m.Value.IndexOf('@')..]);
        s = IdNumber().Replace(s, m => PersonalData.MaskIdNumber(m.Value)!);
        s = Mobile().Replace(s, m => m.Groups[1].Value + "****" + m.Groups[3].Value);
        s = Landline().Replace(s, m => m.Groups[1].Value + "-" + new string('*', m.Groups[2].Length));
        s = LongNumber().Replace(s, m => new string('*', m.Length));
        s = HouseNumber().Replace(s, m => new string('*', Math.Max(2, m.Length)));
        s = NameAfterMarker().Replace(s, m => m.Groups["marker"].Value + PersonalData.MaskName(m.Groups["name"].Value));
        s = Surname().Replace(s, "姓*");
        return s;
    }

    /// <summary>The masked text on one line, at most <paramref name="max"/> characters (an ellipsis marks the cut).</summary>
    public static string Excerpt(string? text, int max)
    {
        var masked = Mask(text);
        if (string.IsNullOrWhiteSpace(masked)) return "";
        var line = string.Join(' ', masked.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= max ? line : line[..max].TrimEnd() + "…";
    }

    // Full-width digits (０–９) become ASCII, so "１３８…" is caught like "138…"; the rest of the text is left as written.
    private static string AsciiDigits(string text)
    {
        if (!text.Any(c => c is >= '０' and <= '９')) return text;
        var b = new StringBuilder(text.Length);
        foreach (var c in text) b.Append(c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c);
        return b.ToString();
    }
}
