using Lianjian.Web.Platform.Calendar.Api;
using Lianjian.Web.Platform.Calendar.Queries;
using Lianjian.Web.Platform.Calendar.UseCases;

namespace Lianjian.Web.Platform.Calendar;

/// <summary>The working calendar (法定节假日 and 调休 make-up days as data): its source, queries, use cases and API.</summary>
public static class CalendarSetup
{
    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services) => services
        .AddSingleton<WorkingCalendarSource>()
        .AddSingleton<IWorkingCalendarSource>(sp => sp.GetRequiredService<WorkingCalendarSource>())
        .AddScoped<CalendarQuery>()
        .AddScoped<SaveCalendarYear>()
        .AddScoped<DeleteCalendarYear>();

    public static IEndpointRouteBuilder MapWorkingCalendar(this IEndpointRouteBuilder routes)
    {
        CalendarApi.Map(routes);
        return routes;
    }
}
