namespace Lianjian.Web.Modules.Statistics.Queries;

/// <summary>A named period a person picks (今年, 上季度 …), as China dates with both ends included.</summary>
public sealed record NamedPeriod(string Key, string Label, DateOnly From, DateOnly To);

/// <summary>The periods offered on the dashboard and the documents page (pure date arithmetic; unit-tested).</summary>
public static class StatisticsPeriods
{
    public static IReadOnlyList<NamedPeriod> Presets(DateOnly today)
    {
        var quarterStart = QuarterStart(today);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var lastQuarterStart = quarterStart.AddMonths(-3);
        var lastMonthStart = monthStart.AddMonths(-1);
        return
        [
            new("year", "今年", new DateOnly(today.Year, 1, 1), today),
            new("quarter", "本季度", quarterStart, today),
            new("last-quarter", $"上季度（{Quarter(lastQuarterStart)}）", lastQuarterStart, quarterStart.AddDays(-1)),
            new("month", "本月", monthStart, today),
            new("last-month", $"上月（{lastMonthStart.Year}年{lastMonthStart.Month}月）", lastMonthStart, monthStart.AddDays(-1)),
            new("last-year", $"去年（{today.Year - 1}年）", new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
            new("12-months", "近12个月", today.AddMonths(-12).AddDays(1), today),
        ];
    }

    public static DateOnly QuarterStart(DateOnly day) => new(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);

    /// <summary>"2026年第三季度".</summary>
    public static string Quarter(DateOnly quarterStart) => $"{quarterStart.Year}年第{"一二三四"[(quarterStart.Month - 1) / 3]}季度";

    /// <summary>How a period reads: a preset's name when it is one, else "2026-01-01 至 2026-03-31".</summary>
    public static string Describe(DateOnly from, DateOnly to, DateOnly today) =>
        Presets(today).FirstOrDefault(p => p.From == from && p.To == to)?.Label ?? $"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}";
}
