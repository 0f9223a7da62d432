using Lianjian.Web.Modules.People.Api;
using Lianjian.Web.Modules.People.Exports;
using Lianjian.Web.Modules.People.Queries;
using Lianjian.Web.Modules.People.UseCases;

namespace Lianjian.Web.Modules.People;

/// <summary>人员: party members, leaders, stationed cadres, grid workers, residents and enterprises.</summary>
public static class PeopleModule
{
    public static IServiceCollection AddPeopleModule(this IServiceCollection services) => services
        .AddScoped<Platform.Persistence.IDemoDataSeeder, PeopleDemoData>()
        .AddScoped<PeopleQuery>()
        .AddScoped<SavePerson>()
        .AddScoped<AddStationedPeriod>()
        .AddScoped<RemoveStationedPeriod>()
        .AddScoped<AddCommunityRegistration>()
        .AddScoped<RemoveCommunityRegistration>()
        .AddScoped<ImportPeople>()
        .AddScoped<PersonExport>();

    public static IEndpointRouteBuilder MapPeopleModule(this IEndpointRouteBuilder routes)
    {
        PeopleApi.Map(routes);
        PeopleExcelApi.Map(routes);
        return routes;
    }
}
