using Lianjian.Web.Platform.Notifications.Queries;
using Lianjian.Web.Platform.Notifications.UseCases;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Platform.Notifications.Api;

public sealed record UnreadCount(int Count);

public sealed record MarkedRead(int Count);

public static class NotificationsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/notifications").WithTags("通知").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/", async (int? page, int? pageSize, bool? unreadOnly, NotificationsQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.ListAsync(page, pageSize, unreadOnly ?? false, ct)))
            .Produces<Page<NotificationRow>>()
            .WithName("ListNotifications").WithSummary("本人的通知：未读在前，其次按时间从新到旧；可只看未读，分页（每页最多200条）");

        api.MapGet("/unread-count", async (NotificationsQuery query, CancellationToken ct) =>
                TypedResults.Ok(new UnreadCount(await query.UnreadCountAsync(ct))))
            .WithName("CountUnreadNotifications").WithSummary("本人的未读通知数");

        api.MapPost("/{id:guid}/read", async (Guid id, MarkNotificationRead useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, ct)).ToHttpResult())
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("MarkNotificationRead").WithSummary("把一条本人的通知标为已读（他人的通知答复 404）");

        api.MapPost("/read-all", async (MarkAllNotificationsRead useCase, CancellationToken ct) =>
                TypedResults.Ok(new MarkedRead(await useCase.ExecuteAsync(ct))))
            .WithName("MarkAllNotificationsRead").WithSummary("把本人的全部未读通知标为已读，返回标记的条数");
    }
}
