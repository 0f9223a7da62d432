using MudBlazor.Services;

namespace Lianjian.Web.Ui;

/// <summary>The three front doors' pages: /admin (interactive Blazor + MudBlazor), /m and /p (static server rendering).</summary>
public static class UiModule
{
    public static IServiceCollection AddLianjianUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    public static WebApplication MapLianjianUi(this WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect("/admin")).ExcludeFromDescription();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
