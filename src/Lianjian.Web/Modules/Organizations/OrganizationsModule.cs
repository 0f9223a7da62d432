using Lianjian.Web.Modules.Organizations.Api;
using Lianjian.Web.Modules.Organizations.Exports;
using Lianjian.Web.Modules.Organizations.Queries;
using Lianjian.Web.Modules.Organizations.UseCases;

namespace Lianjian.Web.Modules.Organizations;

/// <summary>组织: the one tree of party, administrative, grid and unit nodes.</summary>
public static class OrganizationsModule
{
    public static IServiceCollection AddOrganizationsModule(this IServiceCollection services) => services
        .AddScoped<Platform.Persistence.IDemoDataSeeder, OrganizationsDemoData>()
        .AddSingleton<OrganizationPathCache>()
        .AddScoped<OrganizationAccess>()
        .AddScoped<OrganizationsQuery>()
        .AddScoped<CreateOrganization>()
        .AddScoped<UpdateOrganization>()
        .AddScoped<MoveOrganization>()
        .AddScoped<DeactivateOrganization>()
        .AddScoped<ImportOrganizations>()
        .AddScoped<OrganizationExport>();

    public static IEndpointRouteBuilder MapOrganizationsModule(this IEndpointRouteBuilder routes)
    {
        OrganizationsApi.Map(routes);
        OrganizationsExcelApi.Map(routes);
        return routes;
    }
}
