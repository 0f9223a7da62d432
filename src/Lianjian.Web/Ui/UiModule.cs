using Lianjian.Web.Ui.Admin;
using MudBlazor;
using MudBlazor.Services;

namespace Lianjian.Web.Ui;

/// <summary>The three front doors' pages: /admin (interactive Blazor + MudBlazor), /m and /p (static server rendering).</summary>
public static class UiModule
{
    public static IServiceCollection AddLianjianUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        services.AddScoped<PageServices>();
        services.AddScoped<NotificationBellState>();
        return services;
    }

    public static WebApplication MapLianjianUi(this WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect("/admin")).ExcludeFromDescription();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
