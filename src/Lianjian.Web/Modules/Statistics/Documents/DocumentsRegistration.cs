namespace Lianjian.Web.Modules.Statistics.Documents;

/// <summary>The documents part of the Statistics module (季通报, 月提醒): added and mapped by <see cref="StatisticsModule"/>.</summary>
public static class DocumentsRegistration
{
    public static IServiceCollection AddStatisticsDocuments(this IServiceCollection services) => services
        .AddScoped<QuarterlyBulletinWriter>()
        .AddScoped<MonthlyReminderWriter>()
        .AddScoped<GenerateDocument>()
        .AddScoped<DocumentsQuery>()
        .AddScoped<GenerateScheduledDocuments>();

    public static IEndpointRouteBuilder MapStatisticsDocuments(this IEndpointRouteBuilder routes)
    {
        DocumentsApi.Map(routes);
        return routes;
    }
}
