using System.Globalization;
using System.Text.RegularExpressions;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Statistics.Documents;

/// <summary>
/// The period a document covers: a quarter (“2026-Q3”, for 季通报) or a month (“2026-11”, for 月提醒), with its first and
/// last China date. The key is the one stored in <see cref="GeneratedDocument.Period"/>.
/// </summary>
public sealed partial record DocumentPeriod(DocumentKind Kind, int Year, int Number)
{
    private static readonly string[] QuarterNames = ["一", "二", "三", "四"];

    public string Key => Kind == DocumentKind.QuarterlyBulletin
        ? $"{Year}-Q{Number}"
        : $"{Year}-{Number:00}";

    public DateOnly From => Kind == DocumentKind.QuarterlyBulletin ? new DateOnly(Year, Number * 3 - 2, 1) : new DateOnly(Year, Number, 1);

    public DateOnly To => Kind == DocumentKind.QuarterlyBulletin ? From.AddMonths(3).AddDays(-1) : From.AddMonths(1).AddDays(-1);

    /// <summary>“2026年第三季度” / “2026年11月”.</summary>
    public string Label => Kind == DocumentKind.QuarterlyBulletin ? $"{Year}年第{QuarterNames[Number - 1]}季度" : $"{Year}年{Number}月";

    /// <summary>The quarter holding a date.</summary>
    public static DocumentPeriod QuarterOf(DateOnly date) => new(DocumentKind.QuarterlyBulletin, date.Year, (date.Month - 1) / 3 + 1);

    public static DocumentPeriod MonthOf(DateOnly date) => new(DocumentKind.MonthlyReminder, date.Year, date.Month);

    /// <summary>The period of a kind holding a date.</summary>
    public static DocumentPeriod Of(DocumentKind kind, DateOnly date) => kind == DocumentKind.QuarterlyBulletin ? QuarterOf(date) : MonthOf(date);

    /// <summary>What the documents page offers first: the last finished quarter for 季通报, this month for 月提醒.</summary>
    public static DocumentPeriod Default(DocumentKind kind, DateOnly today) =>
        kind == DocumentKind.QuarterlyBulletin ? QuarterOf(QuarterOf(today).From.AddDays(-1)) : MonthOf(today);

    [GeneratedRegex(@"^(\d{4})-Q(\d)$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex MonthPattern();

    /// <summary>Reads a period key of the kind; a period that has not begun by <paramref name="today"/> (China date) is refused.</summary>
    public static Result<DocumentPeriod> Parse(DocumentKind kind, string? key, DateOnly today)
    {
        var text = key?.Trim() ?? "";
        DocumentPeriod? period = null;
        if (kind == DocumentKind.QuarterlyBulletin && QuarterPattern().Match(text) is { Success: true } q)
        {
            var n = int.Parse(q.Groups[2].Value, CultureInfo.InvariantCulture);
            if (n is >= 1 and <= 4) period = new DocumentPeriod(kind, int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture), n);
        }
        else if (kind == DocumentKind.MonthlyReminder && MonthPattern().Match(text) is { Success: true } m)
        {
            var n = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (n is >= 1 and <= 12) period = new DocumentPeriod(kind, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), n);
        }

        if (period is null || period.Year < 2000)
        {
            var example = kind == DocumentKind.QuarterlyBulletin ? "“2026-Q3”（年份-Q季度，季度为1到4）" : "“2026-11”（年份-月份）";
            return Error.Validation("document.bad_period", $"期间格式不正确，{kind.Label()}的期间应写作{example}。",
                new Dictionary<string, string[]> { ["period"] = ["期间格式不正确"] });
        }

        if (period.From > today)
        {
            return Error.Validation("document.future_period", $"{period.Label}尚未开始，不能生成{kind.Label()}。",
                new Dictionary<string, string[]> { ["period"] = ["期间尚未开始"] });
        }

        return period;
    }
}
