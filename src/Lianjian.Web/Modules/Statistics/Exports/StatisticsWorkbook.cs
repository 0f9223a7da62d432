using Lianjian.Web.Modules.Statistics.Queries;
using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Platform.Exports;
using MiniExcelLibs;

namespace Lianjian.Web.Modules.Statistics.Exports;

/// <summary>
/// Every table of the dashboard as one workbook, a sheet each, with Chinese headers: 指标汇总 (each figure beside 同比 and
/// 环比), 月度趋势, 下级组织排名, 服务类别, 超时在办. Figures are numbers (rates in per cent, one decimal), so they can be summed.
/// </summary>
public static class StatisticsWorkbook
{
    public static string FileName(Dashboard d) => $"统计报表-{d.OrganizationName}-{d.From:yyyyMMdd}-{d.To:yyyyMMdd}.xlsx";

    /// <summary>The figures of the 指标汇总 sheet (and the dashboard's tiles): label, how to read it, value.</summary>
    public static IReadOnlyList<(string Label, string Unit, Func<WorkOrderStats, double?> Value)> Figures { get; } =
    [
        ("受理工单", "单", s => s.Received),
        ("有效工单", "单", s => s.Valid),
        ("已接单", "单", s => s.Responded),
        ("已办结", "单", s => s.Resolved),
        ("已评价", "单", s => s.Rated),
        ("满意（4–5星）", "单", s => s.Satisfied),
        ("按时办结", "单", s => s.ResolvedOnTime),
        ("超时在办", "单", s => s.OpenOverdue),
        ("响应率", "%", s => Percent(s.ResponseRate)),
        ("解决率", "%", s => Percent(s.ResolutionRate)),
        ("满意率", "%", s => Percent(s.SatisfactionRate)),
        ("平均响应时长", "小时", s => s.AverageResponseHours),
        ("按时办结率", "%", s => Percent(s.OnTimeRate)),
    ];

    public static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;

    /// <summary>now − before, for the 同比/环比 columns (null when either is missing).</summary>
    public static double? Change(double? now, double? before) => now is { } n && before is { } b ? Math.Round(n - b, 2) : null;

    public static async Task<Stream> WriteAsync(Dashboard d, CancellationToken ct)
    {
        var period = $"{d.From:yyyy-MM-dd} 至 {d.To:yyyy-MM-dd}";
        var summary = Figures.Select(f => new Dictionary<string, object?>
        {
            ["组织"] = d.OrganizationName,
            ["统计区间"] = period,
            ["指标"] = f.Label,
            ["单位"] = f.Unit,
            ["本期"] = f.Value(d.Current),
            ["上年同期"] = f.Value(d.LastYear),
            ["同比增减"] = Change(f.Value(d.Current), f.Value(d.LastYear)),
            ["上季度同期"] = f.Value(d.LastQuarter),
            ["环比增减"] = Change(f.Value(d.Current), f.Value(d.LastQuarter)),
        }).ToList();
        var trend = d.Trend.Select(m => new Dictionary<string, object?>
        {
            ["月份"] = m.Label,
            ["受理"] = m.Received,
            ["有效"] = m.Valid,
            ["已办结"] = m.Resolved,
            ["解决率(%)"] = Percent(m.ResolutionRate),
            ["已评价"] = m.Rated,
            ["满意"] = m.Satisfied,
            ["满意率(%)"] = Percent(m.SatisfactionRate),
            ["上年同月有效"] = m.LastYearValid,
            ["上年同月解决率(%)"] = Percent(m.LastYearResolutionRate),
        }).ToList();
        var ranking = d.SubOrganizations.Select(s => new Dictionary<string, object?>
        {
            ["排名"] = s.Rank,
            ["组织"] = s.Stats.OrganizationName,
            ["类型"] = s.KindLabel,
            ["受理"] = s.Stats.Received,
            ["有效"] = s.Stats.Valid,
            ["已接单"] = s.Stats.Responded,
            ["已办结"] = s.Stats.Resolved,
            ["按时办结"] = s.Stats.ResolvedOnTime,
            ["超时在办"] = s.Stats.OpenOverdue,
            ["响应率(%)"] = Percent(s.Stats.ResponseRate),
            ["解决率(%)"] = Percent(s.Stats.ResolutionRate),
            ["满意率(%)"] = Percent(s.Stats.SatisfactionRate),
            ["按时办结率(%)"] = Percent(s.Stats.OnTimeRate),
            ["平均响应(小时)"] = s.Stats.AverageResponseHours,
        }).ToList();
        var categories = d.BusiestCategories.Select(c => new Dictionary<string, object?>
        {
            ["服务类别"] = c.Name,
            ["服务类型"] = c.KindLabel,
            ["有效"] = c.Valid,
            ["已办结"] = c.Resolved,
            ["解决率(%)"] = Percent(c.ResolutionRate),
            ["已评价"] = c.Rated,
            ["满意率(%)"] = Percent(c.SatisfactionRate),
        }).ToList();
        var kinds = d.Current.ByKind.Select(k => new Dictionary<string, object?> { ["服务类型"] = k.Label, ["有效工单"] = k.Count }).ToList();
        var overdue = d.Overdue.Select(o => new Dictionary<string, object?>
        {
            ["工单编号"] = o.Number,
            ["服务类别"] = o.CategoryName,
            ["点单地点"] = o.PlaceName,
            ["责任单位"] = o.ResponsibleOrganizationName,
            ["状态"] = o.StatusLabel,
            ["点单时间"] = Platform.Calendar.ChinaClock.ToChina(o.SubmittedAt).ToString("yyyy-MM-dd HH:mm"),
            ["到期时间"] = o.DueAt is { } due ? Platform.Calendar.ChinaClock.ToChina(due).ToString("yyyy-MM-dd HH:mm") : null,
        }).ToList();

        var sheets = new Dictionary<string, object>
        {
            ["指标汇总"] = summary,
            ["月度趋势"] = Sheet(trend, "月份"),
            ["下级组织排名"] = Sheet(ranking, "排名"),
            ["服务类别"] = Sheet(categories, "服务类别"),
            ["服务类型"] = Sheet(kinds, "服务类型"),
            ["超时在办"] = Sheet(overdue, "工单编号"),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    // MiniExcel takes the header from the first row: an empty table still gets a header row saying it is empty.
    private static List<Dictionary<string, object?>> Sheet(List<Dictionary<string, object?>> rows, string firstColumn) =>
        rows.Count > 0 ? rows : [new Dictionary<string, object?> { [firstColumn] = "（无数据）" }];
}
