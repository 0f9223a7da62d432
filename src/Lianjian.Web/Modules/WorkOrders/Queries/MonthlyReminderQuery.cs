using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.Queries;

public sealed record ReminderItem(long Id, string Number, string StatusLabel, string CategoryName, string Description, string PlaceName,
    DateTime Deadline, bool IsOverdue, double Hours, int EscalationLevel);

/// <summary>One organization's late and nearly-due work: who must act, on what.</summary>
public sealed record ReminderGroup(Guid OrganizationId, string OrganizationName, int Overdue, int DueSoon, IReadOnlyList<ReminderItem> Items);

public sealed record MonthlyReminder(DateTime GeneratedAt, int DueWithinDays, int Overdue, int DueSoon, IReadOnlyList<ReminderGroup> Groups);

/// <summary>
/// 月提醒: the open orders in the user's reach that are overdue or fall due within <c>dueWithinDays</c>, grouped by the
/// organization that must act (the handling organization, else the one it was sent to, else the place, which must
/// dispatch it), most overdue first. The back office lists it; the statistics issue prints it as a Word document.
/// </summary>
public sealed class MonthlyReminderQuery(WorkOrdersQuery orders, TimeProvider clock)
{
    public const int MaxOrders = 20_000;

    public async Task<Result<MonthlyReminder>> GetAsync(Guid? organizationId, int? dueWithinDays, CancellationToken ct = default)
    {
        var days = dueWithinDays ?? 7;
        if (days is < 0 or > 60) return Error.Validation("reminder.bad_days", "临期天数须在0到60之间。");
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await orders.AllAsync(new WorkOrderFilter { OrganizationId = organizationId, Statuses = WorkOrderStatusLabels.Open }, MaxOrders, ct);
        if (!rows.IsSuccess) return rows.Error;
        var horizon = now.AddDays(days);
        var items = rows.Value
            .Select(r =>
            {
                var deadline = r.RespondedAt is null && r.ResponseDeadline < r.ResolutionDeadline ? r.ResponseDeadline : r.ResolutionDeadline;
                return (Row: r, Deadline: deadline);
            })
            .Where(x => x.Deadline <= horizon)
            .ToList();
        var groups = items
            .GroupBy(x => (x.Row.ResponsibleOrganizationId, x.Row.ResponsibleOrganizationName))
            .Select(g => new ReminderGroup(g.Key.ResponsibleOrganizationId, g.Key.ResponsibleOrganizationName,
                g.Count(x => x.Deadline < now), g.Count(x => x.Deadline >= now),
                [.. g.OrderBy(x => x.Deadline).Select(x => new ReminderItem(x.Row.Id, x.Row.Number, x.Row.StatusLabel, x.Row.CategoryName, x.Row.Description, x.Row.PlaceName,
                    x.Deadline, x.Deadline < now, Math.Round(Math.Abs((now - x.Deadline).TotalHours), 1), x.Row.EscalationLevel))]))
            .OrderByDescending(g => g.Overdue).ThenByDescending(g => g.DueSoon).ThenBy(g => g.OrganizationName)
            .ToList();
        return new MonthlyReminder(now, days, items.Count(x => x.Deadline < now), items.Count(x => x.Deadline >= now), groups);
    }
}
