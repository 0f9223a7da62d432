using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.Api;

/// <summary>工单设置 (categories and escalation ladders, system and committee admins), 码上办 QR codes and 派单建议.</summary>
public static class CategoriesApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api").WithTags("工单类别").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapPost("/work-order-categories", async (CategoryInput input, SaveCategory useCase, CancellationToken ct) =>
                (await useCase.CreateAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/work-order-categories/{id}", new { id })))
            .WithName("CreateWorkOrderCategory").WithSummary("新建服务类别（代码、名称唯一；响应时限与办结时限按小时或工作日）");
        admin.MapPut("/work-order-categories/{id:guid}", async (Guid id, CategoryInput input, SaveCategory useCase, CancellationToken ct) =>
                (await useCase.UpdateAsync(id, input, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithName("UpdateWorkOrderCategory").WithSummary("修改服务类别");
        admin.MapPost("/work-order-categories/{id:guid}/deactivate", async (Guid id, DeactivateCategory useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, ct)).ToHttpResult())
            .WithName("DeactivateWorkOrderCategory").WithSummary("停用服务类别（不再供点单选择；已有工单保留类别）");
        admin.MapPost("/work-order-categories/{id:guid}/reactivate", async (Guid id, ReactivateCategory useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, ct)).ToHttpResult())
            .WithName("ReactivateWorkOrderCategory").WithSummary("重新启用服务类别");

        admin.MapPost("/escalation-ladders", async (EscalationLadderInput input, SaveEscalationLadder useCase, CancellationToken ct) =>
                (await useCase.CreateAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/escalation-ladders/{id}", new { id })))
            .WithName("CreateEscalationLadder").WithSummary("新建督办阶梯（1–8级，每级通知对象和督办时长1–720小时）");
        admin.MapPut("/escalation-ladders/{id:guid}", async (Guid id, EscalationLadderInput input, SaveEscalationLadder useCase, CancellationToken ct) =>
                (await useCase.UpdateAsync(id, input, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithName("UpdateEscalationLadder").WithSummary("修改督办阶梯（级别可增删、调整顺序）");

        routes.MapGet("/api/organizations/{id:guid}/qr.png", async (Guid id, int? size, PlaceCodesQuery query, HttpRequest request, CancellationToken ct) =>
                (await query.PngAsync(id, RequestBaseUrl(request), size ?? 10, ct)).ToHttpResult(png => TypedResults.File(png, "image/png")))
            .RequireAuthorization(Policies.Staff).WithTags("组织")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetOrganizationQrCode")
            .WithSummary("码上办：组织的点单二维码（PNG；扫码打开手机点单页并带出地点；size 为每模块像素数，默认10）");

        routes.MapGet("/api/work-orders/{id:long}/suggestions", async (long id, int? max, DispatchSuggestionsQuery query, CancellationToken ct) =>
                (await query.SuggestAsync(id, max ?? 10, ct)).ToHttpResult())
            .RequireAuthorization(Policies.Staff).WithTags("工单")
            .Produces<IReadOnlyList<DispatchSuggestion>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SuggestWorkOrderAssignees")
            .WithSummary("派单建议：按技能匹配、就近（同网格、同村、联建片组）和在办工单数排序的党员与组织，附理由");
    }

    /// <summary>The caller's own address: what a code points at when <c>Lianjian:PublicBaseUrl</c> is not set.</summary>
    public static string RequestBaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
