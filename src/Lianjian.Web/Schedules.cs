using Lianjian.Web.Modules.Statistics.Documents;
using Lianjian.Web.Modules.WorkOrders.Jobs;
using Lianjian.Web.Platform.Jobs;
using Lianjian.Web.Platform.Notifications.Jobs;

namespace Lianjian.Web;

/// <summary>
/// Every background job of the app and how often it runs, in one place (DESIGN: Jobs). Each job is a thin class
/// that calls one use case, is idempotent, and is safe when several app nodes run it at the same moment.
/// <c>Lianjian:Jobs:Enabled=false</c> turns them all off in a process.
/// </summary>
public static class Schedules
{
    public static IServiceCollection AddSchedules(this IServiceCollection services) => services
        // Webhooks (DingTalk/WeCom robots) from the outbox; a few seconds after the change that caused them.
        .AddJob<SendOutboxJob>(TimeSpan.FromSeconds(5))
        // 逐级督办: overdue work orders one level up their ladder; the shortest level timer is an hour.
        .AddJob<EscalateOverdueWorkOrdersJob>(TimeSpan.FromMinutes(1))
        // 月提醒 / 季通报 of the month / quarter just ended, on the first day of the next (China date); the other days it only reads the date.
        .AddJob<GenerateScheduledDocumentsJob>(TimeSpan.FromMinutes(30));
}
