using Lianjian.Web.Modules.Alliances.Api;
using Lianjian.Web.Modules.Alliances.Queries;

namespace Lianjian.Web.Modules.Alliances;

/// <summary>联建: alliances across levels and trees, their agreements (谈约→签约→履约→评约) and joint meetings.</summary>
public static class AlliancesModule
{
    public static IServiceCollection AddAlliancesModule(this IServiceCollection services) => services
        .AddScoped<Platform.Persistence.IDemoDataSeeder, AlliancesDemoData>()
        .AddScoped<AlliancesQuery>();

    public static IEndpointRouteBuilder MapAlliancesModule(this IEndpointRouteBuilder routes)
    {
        AlliancesApi.Map(routes);
        return routes;
    }
}
