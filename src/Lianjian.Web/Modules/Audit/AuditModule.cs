using Lianjian.Web.Modules.Audit.Queries;
using Lianjian.Web.Platform.Identity;

namespace Lianjian.Web.Modules.Audit;

/// <summary>操作日志: every change by staff, viewable and filterable by admins.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services) => services.AddScoped<AuditQuery>();

    public static IEndpointRouteBuilder MapAuditModule(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/audit", async ([AsParameters] AuditFilter filter, AuditQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.SearchAsync(filter, ct)))
            .WithTags("操作日志").WithName("SearchAudit").WithSummary("操作日志（谁、何时、改了什么、改前改后），限本人管辖范围")
            .RequireAuthorization(Policies.Staff);
        return routes;
    }
}
