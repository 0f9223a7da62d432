using Lianjian.Web.Modules.Open311.UseCases;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Open311.Api;

/// <summary>The back office's Open311 key management over HTTP (the same use case as the /admin/open311 page).</summary>
public static class Open311KeysApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/open311-keys").WithTags("Open311 接口密钥").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/", async (Open311Keys keys, CancellationToken ct) => (await keys.ListAsync(ct)).ToHttpResult())
            .Produces<IReadOnlyList<Open311KeyRow>>()
            .WithName("ListOpen311Keys").WithSummary("Open311 接口密钥列表（只显示前8位）");

        api.MapPost("/", async (IssueOpen311KeyInput input, Open311Keys keys, CancellationToken ct) =>
                (await keys.IssueAsync(input, ct)).ToHttpResult(issued => TypedResults.Created($"/api/open311-keys/{issued.Id}", issued)))
            .Produces<IssuedOpen311Key>(StatusCodes.Status201Created)
            .WithName("IssueOpen311Key").WithSummary("发放 Open311 接口密钥（密钥只在此次返回中出现一次）");

        api.MapPost("/{id:guid}/revoke", async (Guid id, Open311Keys keys, CancellationToken ct) => (await keys.RevokeAsync(id, ct)).ToHttpResult())
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("RevokeOpen311Key").WithSummary("停用 Open311 接口密钥（停用后该密钥提交答 403）");
    }
}
