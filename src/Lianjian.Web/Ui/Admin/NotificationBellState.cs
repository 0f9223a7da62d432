namespace Lianjian.Web.Ui.Admin;

/// <summary>Per circuit: the notifications page tells the bell in the app bar to count again after marking read.</summary>
public sealed class NotificationBellState
{
    public event Func<Task>? Changed;

    public Task RefreshAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
