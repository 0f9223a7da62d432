using Lianjian.Web.Modules.Alliances.Queries;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.Api;

public static class AlliancesApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/alliances").WithTags("联建").RequireAuthorization();

        api.MapGet("/", async (string? name, Guid? organizationId, AlliancesQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.ListAsync(name, organizationId, ct)))
            .WithName("ListAlliances").WithSummary("本人所在组织参与的联建");

        api.MapGet("/{id:guid}", async (Guid id, AlliancesQuery query, CancellationToken ct) =>
                (await query.DetailsAsync(id, ct)).ToHttpResult())
            .WithName("GetAlliance").WithSummary("联建详情：成员、协议、联席会议");
    }
}
