using Lianjian.Web.Modules.Statistics.Queries;
using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Documents;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Statistics.Documents;

/// <summary>One sub-organization's line of the bulletin and its place in the ranking.</summary>
public sealed record BulletinUnit(int Rank, WorkOrderStats Stats);

/// <summary>What a 季通报 says: the quarter's figures (docs/kpis.md), the sub-organizations ranked, the named overdue orders.</summary>
public sealed record QuarterlyBulletin(
    string OrganizationName, DocumentPeriod Period, WorkOrderStats Summary, IReadOnlyList<BulletinUnit> Units,
    IReadOnlyList<WorkOrderRow> Overdue, DateTime GeneratedAt)
{
    /// <summary>环比: the quarter before (docs/kpis.md, comparison periods).</summary>
    public WorkOrderStats? LastQuarter { get; init; }

    /// <summary>同比: the same quarter a year before.</summary>
    public WorkOrderStats? LastYear { get; init; }
}

/// <summary>
/// 季通报: reads the quarter's figures for an organization's subtree (<see cref="WorkOrderStatsQuery"/>), each direct
/// sub-organization's, and the open orders of the quarter now past their deadline (<see cref="WorkOrdersQuery"/>), in the
/// caller's data scope; and writes them as a bulletin (<see cref="BulletinDocument"/>).
/// </summary>
public sealed class QuarterlyBulletinWriter(WorkOrderStatsQuery stats, DashboardQuery dashboard, WorkOrdersQuery orders, TimeProvider clock)
{
    /// <summary>The overdue orders named one by one; more are counted, not listed.</summary>
    public const int MaxNamedOverdue = 200;

    public async Task<Result<QuarterlyBulletin>> ReadAsync(Guid organizationId, DocumentPeriod period, CancellationToken ct = default)
    {
        var summary = await stats.GetAsync(organizationId, period.From, period.To, ct);
        if (!summary.IsSuccess) return summary.Error;
        var (quarterFrom, quarterTo) = ComparisonPeriods.LastQuarter(period.From, period.To);
        var (yearFrom, yearTo) = ComparisonPeriods.LastYear(period.From, period.To);
        var lastQuarter = await stats.GetAsync(organizationId, quarterFrom, quarterTo, ct);
        var lastYear = await stats.GetAsync(organizationId, yearFrom, yearTo, ct);
        // The sub-organizations as the dashboard ranks them (docs/kpis.md “排名”): one read of their roll-ups, one of the open overdue orders.
        var target = await stats.TargetAsync(organizationId, ct);
        if (!target.IsSuccess) return target.Error;
        var overdueOrders = await stats.OverdueAsync(target.Value, ct);
        var units = await dashboard.SubOrganizationsAsync(target.Value, period.From, period.To, overdueOrders, ct);

        var overdue = await orders.AllAsync(new WorkOrderFilter { OrganizationId = organizationId, Overdue = true, From = period.From, To = period.To }, MaxNamedOverdue, ct);
        if (!overdue.IsSuccess) return overdue.Error;
        return new QuarterlyBulletin(summary.Value.OrganizationName, period, summary.Value,
            [.. units.Select(u => new BulletinUnit(u.Rank, u.Stats))], overdue.Value, clock.GetUtcNow().UtcDateTime)
        {
            LastQuarter = lastQuarter.IsSuccess ? lastQuarter.Value : null,
            LastYear = lastYear.IsSuccess ? lastYear.Value : null,
        };
    }

    private sealed record Figure(string Label, Func<WorkOrderStats, double?> Value, Func<WorkOrderStats, string> Text, bool IsRate);

    private static readonly Figure[] Figures =
    [
        new("受理工单（件）", x => x.Received, x => DocumentText.Count(x.Received), false),
        new("有效工单（件）", x => x.Valid, x => DocumentText.Count(x.Valid), false),
        new("响应率", x => x.ResponseRate, x => DocumentText.Percent(x.ResponseRate), true),
        new("解决率", x => x.ResolutionRate, x => DocumentText.Percent(x.ResolutionRate), true),
        new("满意率", x => x.SatisfactionRate, x => DocumentText.Percent(x.SatisfactionRate), true),
        new("平均响应时长（小时）", x => x.AverageResponseHours, x => DocumentText.Hours(x.AverageResponseHours), false),
        new("按时办结率", x => x.OnTimeRate, x => DocumentText.Percent(x.OnTimeRate), true),
        new("超时在办（件）", x => x.OpenOverdue, x => DocumentText.Count(x.OpenOverdue), false),
    ];

    /// <summary>The change against an earlier period as a bulletin writes it: rates in percentage points, counts and hours in their unit.</summary>
    private static string Change(Figure f, WorkOrderStats now, WorkOrderStats? before)
    {
        if (before is null || f.Value(now) is not { } n || f.Value(before) is not { } b) return "—";
        var delta = f.IsRate ? Math.Round((n - b) * 100, 2) : Math.Round(n - b, 2);
        if (delta == 0) return "持平";
        var text = delta.ToString("+0.##;-0.##", System.Globalization.CultureInfo.InvariantCulture);
        return f.IsRate ? text + "个百分点" : text;
    }

    public static string TitleOf(string organizationName, DocumentPeriod period) => $"关于{organizationName}{period.Label}联建服务工单办理情况的通报";

    public static byte[] Write(QuarterlyBulletin b)
    {
        var s = b.Summary;
        var today = DocumentText.LongDate(DateOnly.FromDateTime(ChinaClock.ToChina(b.GeneratedAt)));
        var doc = new BulletinDocument()
            .Masthead("联建工作通报")
            .IssueLine($"{b.Period.Year}年第{b.Period.Number}期（季度）", b.OrganizationName, today)
            .Title(TitleOf(b.OrganizationName, b.Period))
            .Heading("一、总体情况")
            .Paragraph($"{b.Period.Label}（{DocumentText.LongDate(b.Period.From)}至{DocumentText.LongDate(b.Period.To)}），{b.OrganizationName}及所属单位共受理群众点单"
                + $"{s.Received}件，其中有效工单{s.Valid}件（退回{s.Rejected}件，撤回{s.Withdrawn}件）。已响应{s.Responded}件，响应率{DocumentText.Percent(s.ResponseRate)}；"
                + $"已办结{s.Resolved}件，解决率{DocumentText.Percent(s.ResolutionRate)}；按时办结{s.ResolvedOnTime}件，按时办结率{DocumentText.Percent(s.OnTimeRate)}；"
                + $"群众评价{s.Rated}件，满意{s.Satisfied}件，满意率{DocumentText.Percent(s.SatisfactionRate)}；平均响应时长{DocumentText.Hours(s.AverageResponseHours)}小时。"
                + $"截至{DocumentText.Minutes(b.GeneratedAt)}，本季度受理的工单中仍有{s.OpenOverdue}件超过时限未办结。")
            .Table(["指标", "本季度", "上季度", "环比", "上年同期", "同比"],
                Figures.Select(f => (IReadOnlyList<string>)
                [
                    f.Label, f.Text(s), b.LastQuarter is { } q ? f.Text(q) : "—", Change(f, s, b.LastQuarter), b.LastYear is { } y ? f.Text(y) : "—", Change(f, s, b.LastYear),
                ]), [2.6, 1.3, 1.3, 1.4, 1.3, 1.4])
            .Paragraph("注：有效工单为受理工单减去退回、撤回的工单；响应率、解决率以有效工单为分母，按时办结率以已办结工单为分母，满意率以已评价工单为分母（评4星及以上为满意）。");

        doc.Heading("二、各单位办理情况");
        if (b.Units.Count == 0) doc.Paragraph($"{b.OrganizationName}没有下级单位。");
        else
        {
            doc.Table(["单位", "受理", "有效", "按时办结", "办结", "满意率", "超时在办"],
                b.Units.OrderBy(u => u.Stats.OrganizationName, StringComparer.Ordinal).Select(u => (IReadOnlyList<string>)
                [
                    u.Stats.OrganizationName, DocumentText.Count(u.Stats.Received), DocumentText.Count(u.Stats.Valid), DocumentText.Count(u.Stats.ResolvedOnTime),
                    DocumentText.Count(u.Stats.Resolved), DocumentText.Percent(u.Stats.SatisfactionRate), DocumentText.Count(u.Stats.OpenOverdue),
                ]), [3, 1, 1, 1.3, 1, 1.2, 1.3]);

            doc.Heading("三、排名情况")
                .Paragraph("按解决率排名，解决率相同的依次比较满意率、按时办结率；本季度无有效工单的单位列于最后。")
                .Table(["名次", "单位", "解决率", "满意率", "按时办结率"],
                    b.Units.Select(u => (IReadOnlyList<string>)
                    [
                        u.Stats.Valid == 0 ? "—" : DocumentText.Count(u.Rank), u.Stats.OrganizationName, DocumentText.Percent(u.Stats.ResolutionRate),
                        DocumentText.Percent(u.Stats.SatisfactionRate), DocumentText.Percent(u.Stats.OnTimeRate),
                    ]), [0.8, 3, 1.2, 1.2, 1.4]);
            var best = b.Units.Where(u => u.Stats.Valid > 0 && u.Rank == 1).Select(u => u.Stats.OrganizationName).ToList();
            if (best.Count > 0) doc.Paragraph($"本季度解决率排名第一的单位：{string.Join("、", best)}。");
        }

        doc.Heading(b.Units.Count == 0 ? "三、超时未办结工单" : "四、超时未办结工单");
        if (b.Overdue.Count == 0) doc.Paragraph("本季度受理的工单中，没有超过时限仍未办结的工单。");
        else
        {
            var more = s.OpenOverdue > b.Overdue.Count ? $"以下列出超时最久的{b.Overdue.Count}件，" : "";
            doc.Paragraph($"本季度受理的工单中，有{s.OpenOverdue}件超过时限仍未办结，{more}请责任单位抓紧办理：")
                .Table(["序号", "工单编号", "类别", "地点", "责任单位", "时限", "超时（小时）", "督办"],
                    b.Overdue.Select((o, i) =>
                    {
                        var deadline = o.DueAt ?? o.ResolutionDeadline;
                        return (IReadOnlyList<string>)
                        [
                            DocumentText.Count(i + 1), o.Number, o.CategoryName, o.PlaceName, o.ResponsibleOrganizationName, DocumentText.Minutes(deadline),
                            DocumentText.Hours(Math.Round((b.GeneratedAt - deadline).TotalHours, 1)), DocumentText.EscalationLevel(o.EscalationLevel),
                        ];
                    }), [0.7, 2.1, 1.2, 1.5, 1.5, 1.7, 1.3, 1.1]);
        }

        doc.Heading(b.Units.Count == 0 ? "四、工作要求" : "五、工作要求")
            .Paragraph("各单位要对照本通报，逐件落实超时工单的办理责任，办结后及时回访；解决率、满意率排名靠后的单位要分析原因，切实提升为民服务质效。")
            .Signature(b.OrganizationName, today);
        return doc.ToBytes();
    }
}
