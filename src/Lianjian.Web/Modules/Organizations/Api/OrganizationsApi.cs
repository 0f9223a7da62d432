using Lianjian.Web.Modules.Organizations.Queries;
using Lianjian.Web.Modules.Organizations.UseCases;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Organizations.Api;

public sealed record MoveOrganizationRequest(Guid? ParentId);

public static class OrganizationsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/organizations").WithTags("组织").RequireAuthorization();

        api.MapGet("/", async ([AsParameters] OrganizationFilter filter, OrganizationsQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.SearchAsync(filter, ct)))
            .WithName("SearchOrganizations").WithSummary("按名称、类型、上级搜索组织（分页，限本人管辖范围）");

        api.MapGet("/tree", async (Guid? parentId, OrganizationsQuery query, CancellationToken ct) =>
                (await query.ChildrenAsync(parentId, true, ct)).ToHttpResult())
            .WithName("GetOrganizationChildren").WithSummary("组织树的一层：parentId 为空时返回本人管辖范围的顶级组织");

        api.MapGet("/{id:guid}", async (Guid id, OrganizationsQuery query, CancellationToken ct) =>
                (await query.DetailsAsync(id, ct)).ToHttpResult())
            .WithName("GetOrganization").WithSummary("组织详情");

        var staff = api.MapGroup("").RequireAuthorization(Policies.Staff);

        staff.MapPost("/", async (OrganizationInput input, CreateOrganization useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/organizations/{id}", new { id })))
            .WithName("CreateOrganization").WithSummary("新建组织");

        staff.MapPut("/{id:guid}", async (Guid id, OrganizationInput input, UpdateOrganization useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, input, ct)).ToHttpResult())
            .WithName("UpdateOrganization").WithSummary("修改组织信息（类型与上级通过移动修改）");

        staff.MapPost("/{id:guid}/move", async (Guid id, MoveOrganizationRequest request, MoveOrganization useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, request.ParentId, ct)).ToHttpResult())
            .WithName("MoveOrganization").WithSummary("把组织连同下级移动到新的上级之下");

        staff.MapPost("/{id:guid}/deactivate", async (Guid id, DeactivateOrganization useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, ct)).ToHttpResult())
            .WithName("DeactivateOrganization").WithSummary("停用组织（保留历史记录）");

        staff.MapPost("/{id:guid}/reactivate", async (Guid id, DeactivateOrganization useCase, CancellationToken ct) =>
                (await useCase.ReactivateAsync(id, ct)).ToHttpResult())
            .WithName("ReactivateOrganization").WithSummary("重新启用组织");
    }
}
