using Lianjian.Web.Platform.Calendar.Queries;
using Lianjian.Web.Platform.Calendar.UseCases;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Platform.Calendar.Api;

public static class CalendarApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/calendar").WithTags("工作日历").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/status", async (CalendarQuery query, CancellationToken ct) => TypedResults.Ok(await query.StatusAsync(ct)))
            .WithName("GetCalendarStatus").WithSummary("去年、今年、明年的节假日安排是否已录入，以及页面应显示的提醒");

        api.MapGet("/deadline", async (string? from, int? amount, TimeLimitUnit? unit, CalendarQuery query, CancellationToken ct) =>
                (await query.DeadlineAsync(from, amount, unit, ct)).ToHttpResult())
            .WithName("PreviewDeadline")
            .WithSummary("试算期限：从起算时间（不带时区按北京时间）起，若干小时（按自然时间）或若干工作日（只计工作日）后的截止时间");

        api.MapGet("/{year:int}", async (int year, CalendarQuery query, CancellationToken ct) => (await query.YearAsync(year, ct)).ToHttpResult())
            .Produces<CalendarYearDetails>()
            .WithName("GetCalendarYear").WithSummary("某年的法定节假日和调休上班日、来源通知，以及是否已录入");

        var admin = api.MapGroup("").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapPut("/{year:int}", async (int year, CalendarYearInput input, SaveCalendarYear useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(year, input, ct)).ToHttpResult())
            .WithName("SaveCalendarYear")
            .WithSummary("录入或修改某年的节假日安排（整年替换：来源通知及全部放假日、调休上班日；调休上班日须为周六或周日）");

        admin.MapDelete("/{year:int}", async (int year, DeleteCalendarYear useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(year, ct)).ToHttpResult())
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeleteCalendarYear").WithSummary("删除某年的节假日安排（删除后该年按周一至周五计算并提示未录入）");
    }
}
