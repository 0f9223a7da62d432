using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Exports;

namespace Lianjian.Web.Modules.WorkOrders.Exports;

/// <summary>The 工单 sheet: what the back-office list shows, one row per order (export only; orders are not imported).</summary>
public static class WorkOrderSheet
{
    /// <summary>A download the office can still open and read; a larger one is refused with a hint to narrow the filter.</summary>
    public const int MaxRows = 50_000;

    public static readonly ExcelLayout Layout = new("工单",
    [
        new ExcelColumn("工单编号", "", Width: 20),
        new ExcelColumn("状态", "", Width: 10),
        new ExcelColumn("服务类别", "", Width: 14),
        new ExcelColumn("服务类型", "", Width: 12),
        new ExcelColumn("需求描述", "", Width: 40),
        new ExcelColumn("所在地点", "", Width: 18),
        new ExcelColumn("详细地址", "", Width: 24),
        new ExcelColumn("点单人", "", Width: 10),
        new ExcelColumn("联系电话", "", Width: 14),
        new ExcelColumn("渠道", "", Width: 10),
        new ExcelColumn("承办单位或党员", "", Width: 18),
        new ExcelColumn("办理人", "", Width: 12),
        new ExcelColumn("提交时间", "", Width: 17),
        new ExcelColumn("接单时限", "", Width: 17),
        new ExcelColumn("办结时限", "", Width: 17),
        new ExcelColumn("接单时间", "", Width: 17),
        new ExcelColumn("办结时间", "", Width: 17),
        new ExcelColumn("是否超时", "", Width: 9),
        new ExcelColumn("督办级别", "", Width: 9),
        new ExcelColumn("评价(星)", "", Width: 9),
    ]);

    public static object?[] ToCells(WorkOrderRow row) =>
    [
        row.Number, row.StatusLabel, row.CategoryName, row.CategoryKind.Label(), row.Description, row.PlaceName, row.Address,
        row.RequesterName, row.RequesterPhone, row.Channel.Label(), (row.IsPooled ? "抢单池：" : "") + row.AssigneeName, row.HandlerName,
        China(row.SubmittedAt), China(row.ResponseDeadline), China(row.ResolutionDeadline), China(row.RespondedAt), China(row.ResolvedAt),
        row.IsOverdue ? "是" : "否", row.EscalationLevel > 0 ? row.EscalationLevel : null, row.Rating,
    ];

    private static string? China(DateTime? utc) =>
        utc is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToOffset(ChinaClock.Offset).ToString("yyyy-MM-dd HH:mm") : null;
}
