using Lianjian.Web.Platform.Notifications.Api;
using Lianjian.Web.Platform.Notifications.Jobs;
using Lianjian.Web.Platform.Notifications.Queries;
using Lianjian.Web.Platform.Notifications.UseCases;
using Microsoft.Extensions.Options;

namespace Lianjian.Web.Platform.Notifications;

/// <summary>通知: the notification centre, the webhook robots and the outbox that sends to them.</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection("Lianjian")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddHttpClient(SendOutboxMessages.HttpClientName, c =>
        {
            c.Timeout = SendOutboxMessages.RequestTimeout;
            c.MaxResponseContentBufferSize = 1024 * 1024;
            c.DefaultRequestHeaders.UserAgent.ParseAdd("Lianjian-Webhooks/1.0");
        });
        return services
            .AddScoped<Notifier>()
            .AddScoped<NotificationsQuery>()
            .AddScoped<OutboxQuery>()
            .AddScoped<MarkNotificationRead>()
            .AddScoped<MarkAllNotificationsRead>()
            .AddScoped<SendOutboxMessages>()
            .AddScoped<SendOutboxJob>();
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder routes)
    {
        NotificationsApi.Map(routes);
        return routes;
    }
}
