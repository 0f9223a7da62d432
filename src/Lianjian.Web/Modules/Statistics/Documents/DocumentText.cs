using System.Globalization;
using Lianjian.Web.Platform.Calendar;

namespace Lianjian.Web.Modules.Statistics.Documents;

/// <summary>How figures are written in the documents (the tests read them back in the same form).</summary>
public static class DocumentText
{
    /// <summary>A rate (0–1) as a percentage with up to two decimals, “91.67%”; “—” when it has no denominator.</summary>
    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.##", CultureInfo.InvariantCulture) : "—";

    public static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>“2026年10月1日”.</summary>
    public static string LongDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>A UTC time as China wall-clock time, “2026-10-01 09:30”.</summary>
    public static string Minutes(DateTime utc) => ChinaClock.ToChina(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string EscalationLevel(int level) => level > 0 ? $"第{level}级" : "—";

    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>1 → 一, 12 → 十二, 25 → 二十五 (for “（十二）” subheadings; 1–99).</summary>
    public static string Chinese(int n) => n switch
    {
        < 10 => Digits[n],
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
