namespace Lianjian.Web.Platform.Notifications;

/// <summary>
/// What to tell people. <paramref name="Topic"/> is dotted (<c>work_order.dispatched</c>, at most 50 characters);
/// <paramref name="Link"/> a relative URL in this site (<c>/admin/work-orders/123</c>). A title over 100 or a body
/// over 1000 characters is cut with an ellipsis.
/// </summary>
public sealed record NotificationMessage(string Topic, string Title, string Body, string? Link = null);
