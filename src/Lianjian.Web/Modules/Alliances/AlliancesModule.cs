using Lianjian.Web.Modules.Alliances.Api;
using Lianjian.Web.Modules.Alliances.Queries;
using Lianjian.Web.Modules.Alliances.UseCases;

namespace Lianjian.Web.Modules.Alliances;

/// <summary>联建: alliances across levels and trees, their agreements (谈约→签约→履约→评约) and joint meetings.</summary>
public static class AlliancesModule
{
    public static IServiceCollection AddAlliancesModule(this IServiceCollection services) => services
        .AddScoped<Platform.Persistence.IDemoDataSeeder, AlliancesDemoData>()
        .AddScoped<AlliancesQuery>()
        .AddScoped<AllianceAccess>()
        .AddScoped<CreateAlliance>()
        .AddScoped<UpdateAlliance>()
        .AddScoped<DeactivateAlliance>()
        .AddScoped<ReactivateAlliance>()
        .AddScoped<AddAllianceMember>()
        .AddScoped<RemoveAllianceMember>()
        .AddScoped<CreateAgreement>()
        .AddScoped<UpdateAgreement>()
        .AddScoped<SignAgreement>()
        .AddScoped<StartAgreementPerformance>()
        .AddScoped<EvaluateAgreement>()
        .AddScoped<AttachAgreementDocument>()
        .AddScoped<OpenAgreementDocument>()
        .AddScoped<RecordJointMeeting>()
        .AddScoped<UpdateJointMeeting>()
        .AddScoped<DeleteJointMeeting>();

    public static IEndpointRouteBuilder MapAlliancesModule(this IEndpointRouteBuilder routes)
    {
        AlliancesApi.Map(routes);
        return routes;
    }
}
