using Lianjian.Web.Modules.Statistics.Exports;
using Lianjian.Web.Modules.Statistics.Queries;
using Lianjian.Web.Platform.Exports;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Statistics.Api;

public static class StatisticsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/statistics").WithTags("统计").RequireAuthorization(Policies.Staff)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/dashboard", async (Guid? organizationId, DateOnly? from, DateOnly? to, DashboardQuery query, CancellationToken ct) =>
                (await query.GetAsync(organizationId, from, to, ct)).ToHttpResult())
            .Produces<Dashboard>()
            .WithName("StatisticsDashboard")
            .WithSummary("统计看板：某组织及下级（默认本人管辖范围）、某时段（按点单日期，默认今年）的指标及同比、环比，月度趋势，下级组织排名，服务类别，超时在办（公式见 docs/kpis.md）");

        api.MapGet("/screen", async (Guid? organizationId, ScreenQuery query, CancellationToken ct) =>
                (await query.GetAsync(organizationId, ct)).ToHttpResult())
            .Produces<Screen>()
            .WithName("StatisticsScreen")
            .WithSummary("大屏数据：某组织及下级今年以来的指标（及上年同期）、今日点单、下级组织（示意图）、近12个月趋势、最新办结案例（已脱敏）");

        api.MapGet("/dashboard/export", async (Guid? organizationId, DateOnly? from, DateOnly? to, DashboardQuery query, CancellationToken ct) =>
            {
                var dashboard = await query.GetAsync(organizationId, from, to, ct);
                if (!dashboard.IsSuccess) return dashboard.Error.ToHttpResult();
                return ExcelHttp.File(await StatisticsWorkbook.WriteAsync(dashboard.Value, ct), StatisticsWorkbook.FileName(dashboard.Value));
            })
            .Produces<Stream>(StatusCodes.Status200OK, ExcelWriter.ContentType)
            .WithName("ExportStatisticsDashboard")
            .WithSummary("导出统计看板的全部表格（Excel，每表一页：指标汇总含同比环比、月度趋势、下级组织排名、服务类别、服务类型、超时在办）");
    }
}
