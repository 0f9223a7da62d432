using Lianjian.Web.Modules.Statistics.Api;
using Lianjian.Web.Modules.Statistics.Documents;
using Lianjian.Web.Modules.Statistics.Queries;

namespace Lianjian.Web.Modules.Statistics;

/// <summary>统计: the dashboard, the big screen, the documents and the public results page, all from the work-order roll-ups.</summary>
public static class StatisticsModule
{
    public static IServiceCollection AddStatisticsModule(this IServiceCollection services) => Public.PublicationServices.Add(services)
        .AddScoped<DashboardQuery>()
        .AddScoped<ScreenQuery>()
        .AddStatisticsDocuments();

    public static IEndpointRouteBuilder MapStatisticsModule(this IEndpointRouteBuilder routes)
    {
        StatisticsApi.Map(routes);
        routes.MapStatisticsDocuments();
        return routes;
    }
}
