using Lianjian.Web.Modules.WorkOrders.Exports;
using Lianjian.Web.Platform.Exports;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.Api;

/// <summary>Excel export of the work-order list (the back office's 导出Excel).</summary>
public static class WorkOrdersExcelApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/work-orders").WithTags("工单").RequireAuthorization()
            .MapGet("/export", async ([AsParameters] WorkOrdersApi.WorkOrderListRequest request, WorkOrderExport export, CancellationToken ct) =>
            {
                var filter = request.ToFilter();
                if (!filter.IsSuccess) return filter.Error.ToHttpResult();
                var workbook = await export.ExportAsync(filter.Value, ct);
                return workbook.IsSuccess ? ExcelHttp.File(workbook.Value, export.FileName) : workbook.Error.ToHttpResult();
            })
            .Produces<Stream>(StatusCodes.Status200OK, ExcelWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ExportWorkOrders")
            .WithSummary($"导出工单（Excel，条件与工单列表相同；中文表头；联系电话脱敏；最多{WorkOrderSheet.MaxRows}条，超过时答 400 请缩小范围）");
    }
}
