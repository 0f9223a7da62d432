using Lianjian.Web.Modules.Open311.Api;
using Lianjian.Web.Modules.Open311.Queries;
using Lianjian.Web.Modules.Open311.UseCases;
using Lianjian.Web.Platform.Persistence;

namespace Lianjian.Web.Modules.Open311;

/// <summary>Open311 GeoReport v2 (docs/open311.md): other systems report and follow work orders; API keys for the clients.</summary>
public static class Open311Module
{
    public static IServiceCollection AddOpen311Module(this IServiceCollection services) => services
        .AddScoped<IDemoDataSeeder, Open311DemoData>()
        .AddScoped<Open311Keys>()
        .AddScoped<Open311Requests>()
        .AddScoped<SubmitOpen311Request>();

    public static IEndpointRouteBuilder MapOpen311Module(this IEndpointRouteBuilder routes)
    {
        Open311Api.Map(routes);
        Open311KeysApi.Map(routes);
        return routes;
    }
}
