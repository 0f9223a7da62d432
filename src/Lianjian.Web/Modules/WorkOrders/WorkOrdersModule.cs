using Lianjian.Web.Modules.WorkOrders.Api;
using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Persistence;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>工单: the closed loop 群众点单 → 工委派单 → 党员接单 → 社会评单, with deadlines and escalation.</summary>
public static class WorkOrdersModule
{
    public static IServiceCollection AddWorkOrdersModule(this IServiceCollection services) => services
        .AddScoped<IReferenceDataSeeder, WorkOrdersReferenceData>()
        .AddScoped<IReferenceDataSeeder, WorkOrderSearchBackfill>()
        .AddScoped<IDemoDataSeeder, WorkOrdersDemoData>()
        .AddSingleton<CategoryCache>()
        .AddSingleton<OpenDeadlines>()
        .AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, WorkOrderCountsInterceptor>()
        .AddScoped<Organizations.UseCases.IOrganizationMoveHandler, WorkOrderRollupsOnMove>()
        .AddSingleton<Platform.Cli.ICliCommand, RebuildRollupsCommand>()
        .AddScoped<WorkOrderAccess>()
        .AddScoped<WorkOrderMoves>()
        .AddScoped<WorkOrderPhotos>()
        .AddScoped<WorkOrderNotices>()
        .AddScoped<WorkOrderRecipients>()
        .AddScoped<EscalateOverdueWorkOrders>()
        .AddScoped<WorkOrdersQuery>()
        .AddScoped<CategoriesQuery>()
        .AddScoped<WorkOrderStatsQuery>()
        .AddScoped<MonthlyReminderQuery>()
        .AddScoped<PlacesQuery>()
        .AddScoped<WorkOrderDetailsQuery>()
        .AddScoped<SubmitWorkOrder>()
        .AddScoped<DispatchWorkOrder>()
        .AddScoped<ReassignWorkOrder>()
        .AddScoped<ClaimWorkOrder>()
        .AddScoped<ProgressWorkOrder>()
        .AddScoped<ResolveWorkOrder>()
        .AddScoped<RateWorkOrder>()
        .AddScoped<FollowUpWorkOrder>()
        .AddScoped<ReopenWorkOrder>()
        .AddScoped<CloseWorkOrder>()
        .AddScoped<ReturnWorkOrder>()
        .AddScoped<WithdrawWorkOrder>()
        .AddScoped<RejectWorkOrder>()
        .AddScoped<OpenWorkOrderPhoto>()
        .AddScoped<Exports.WorkOrderExport>()
        .AddScoped<SaveCategory>()
        .AddScoped<DeactivateCategory>()
        .AddScoped<ReactivateCategory>()
        .AddScoped<SaveEscalationLadder>()
        .AddScoped<PlaceCodesQuery>()
        .AddScoped<DispatchSuggestionsQuery>();

    public static IEndpointRouteBuilder MapWorkOrdersModule(this IEndpointRouteBuilder routes)
    {
        WorkOrdersApi.Map(routes);
        WorkOrdersExcelApi.Map(routes);
        CategoriesApi.Map(routes);
        return routes;
    }
}
