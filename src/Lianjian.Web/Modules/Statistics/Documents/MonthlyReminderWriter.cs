using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Documents;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Statistics.Documents;

/// <summary>What a 月提醒 says: the month's figures so far, and per responsible organization the overdue and nearly-due open orders.</summary>
public sealed record MonthlyReminderDocument(string OrganizationName, DocumentPeriod Period, WorkOrderStats Month, MonthlyReminder Reminder);

/// <summary>
/// 月提醒 as a Word document: the open orders of an organization's subtree that are overdue or fall due within
/// <see cref="DueWithinDays"/> days (<see cref="MonthlyReminderQuery"/>, at the moment it is generated), one table per
/// responsible organization, after the month's figures (<see cref="WorkOrderStatsQuery"/>). In the caller's data scope.
/// </summary>
public sealed class MonthlyReminderWriter(MonthlyReminderQuery reminders, WorkOrderStatsQuery stats)
{
    public const int DueWithinDays = 7;

    /// <summary>Per responsible organization, the orders listed one by one; more are counted, not listed.</summary>
    public const int MaxItemsPerGroup = 100;

    public async Task<Result<MonthlyReminderDocument>> ReadAsync(Guid organizationId, DocumentPeriod period, CancellationToken ct = default)
    {
        var month = await stats.GetAsync(organizationId, period.From, period.To, ct);
        if (!month.IsSuccess) return month.Error;
        var reminder = await reminders.GetAsync(organizationId, DueWithinDays, ct);
        if (!reminder.IsSuccess) return reminder.Error;
        return new MonthlyReminderDocument(month.Value.OrganizationName, period, month.Value, reminder.Value);
    }

    public static string TitleOf(string organizationName, DocumentPeriod period) => $"关于{organizationName}{period.Label}超时和临期工单的提醒";

    public static byte[] Write(MonthlyReminderDocument d)
    {
        var r = d.Reminder;
        var m = d.Month;
        var today = DocumentText.LongDate(DateOnly.FromDateTime(ChinaClock.ToChina(r.GeneratedAt)));
        var doc = new BulletinDocument()
            .Masthead("联建工作提醒")
            .IssueLine($"{d.Period.Year}年第{d.Period.Number}期（月度）", d.OrganizationName, today)
            .Title(TitleOf(d.OrganizationName, d.Period))
            .Heading("一、基本情况")
            .Paragraph($"截至{DocumentText.Minutes(r.GeneratedAt)}，{d.OrganizationName}及所属单位共有超时未办结工单{r.Overdue}件，{r.DueWithinDays}天内到期的工单{r.DueSoon}件，"
                + $"涉及责任单位{r.Groups.Count}个。{d.Period.Label}受理群众点单{m.Received}件，其中有效工单{m.Valid}件，已办结{m.Resolved}件，解决率{DocumentText.Percent(m.ResolutionRate)}，"
                + $"满意率{DocumentText.Percent(m.SatisfactionRate)}。")
            .Table(["指标", "数值"],
            [
                ["超时未办结（件）", DocumentText.Count(r.Overdue)],
                [$"{r.DueWithinDays}天内到期（件）", DocumentText.Count(r.DueSoon)],
                ["涉及责任单位（个）", DocumentText.Count(r.Groups.Count)],
                ["本月受理工单（件）", DocumentText.Count(m.Received)],
                ["本月有效工单（件）", DocumentText.Count(m.Valid)],
                ["本月已办结（件）", DocumentText.Count(m.Resolved)],
                ["本月解决率", DocumentText.Percent(m.ResolutionRate)],
            ], [3, 2]);

        doc.Heading("二、各责任单位超时和临期工单");
        if (r.Groups.Count == 0) doc.Paragraph("目前没有超时或临期的在办工单。");
        else
        {
            doc.Paragraph("责任单位为承办单位；尚未接单的为派往单位；尚未派单的为工单所在地单位（应及时派单）。按超时件数从多到少排列：");
            var n = 0;
            foreach (var group in r.Groups)
            {
                doc.Subheading($"（{DocumentText.Chinese(++n)}）{group.OrganizationName}：超时{group.Overdue}件，临期{group.DueSoon}件");
                doc.Table(["序号", "工单编号", "类别", "地点", "时限", "状态", "超时（小时）", "督办"],
                    group.Items.Take(MaxItemsPerGroup).Select((item, i) => (IReadOnlyList<string>)
                    [
                        DocumentText.Count(i + 1), item.Number, item.CategoryName, item.PlaceName, DocumentText.Minutes(item.Deadline),
                        item.IsOverdue ? "已超时" : $"剩余{DocumentText.Hours(item.Hours)}小时",
                        item.IsOverdue ? DocumentText.Hours(item.Hours) : "—", DocumentText.EscalationLevel(item.EscalationLevel),
                    ]), [0.7, 2.1, 1.3, 1.6, 1.7, 1.3, 1.3, 1.1]);
                if (group.Items.Count > MaxItemsPerGroup) doc.Paragraph($"另有{group.Items.Count - MaxItemsPerGroup}件未逐一列出，请在系统“月提醒”页面查看。");
            }
        }

        doc.Heading("三、工作要求")
            .Paragraph("请各责任单位对超时工单逐件说明原因、明确办结时限，对临期工单提前调度、按时办结；尚未派单的工单请所在地单位当日派单。")
            .Signature(d.OrganizationName, today);
        return doc.ToBytes();
    }
}
