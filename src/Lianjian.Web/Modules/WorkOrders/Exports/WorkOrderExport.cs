using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Exports;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.Exports;

/// <summary>The 工单 workbook: exactly the rows of the list's filter (<see cref="WorkOrdersQuery.AllAsync"/>: same scope, order and masking).</summary>
public sealed class WorkOrderExport(WorkOrdersQuery orders, TimeProvider clock)
{
    public string FileName => $"工单_{clock.GetUtcNow().ToOffset(ChinaClock.Offset):yyyyMMdd_HHmm}.xlsx";

    public static Error TooMany { get; } = Error.Validation("work_order.export_too_large",
        $"符合条件的工单超过{WorkOrderSheet.MaxRows:N0}条，无法一次导出。请缩小筛选范围（如按组织、日期或状态）后分批导出。");

    public async Task<Result<Stream>> ExportAsync(WorkOrderFilter filter, CancellationToken ct = default)
    {
        var rows = await orders.AllAsync(filter, WorkOrderSheet.MaxRows + 1, ct);
        if (!rows.IsSuccess) return rows.Error;
        if (rows.Value.Count > WorkOrderSheet.MaxRows) return TooMany;
        return await ExcelWriter.WriteAsync(WorkOrderSheet.Layout, Cells(rows.Value), ct);
    }

    private static async IAsyncEnumerable<object?[]> Cells(IReadOnlyList<WorkOrderRow> rows)
    {
        foreach (var row in rows) yield return WorkOrderSheet.ToCells(row);
        await Task.CompletedTask;
    }
}
