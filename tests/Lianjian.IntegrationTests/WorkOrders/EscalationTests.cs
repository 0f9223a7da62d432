using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Modules.WorkOrders.Jobs;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Notifications;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lianjian.IntegrationTests.WorkOrders;

/// <summary>逐级督办 driven by a fake clock: each level at its time, each notified once, even with two runners at once.</summary>
public abstract class EscalationTests(LianjianFactory app)
{
    private async Task RunJobAsync(TestClock clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = new EscalateOverdueWorkOrdersJob(scope.ServiceProvider.GetRequiredService<EscalateOverdueWorkOrders>(), clock, NullLogger<EscalateOverdueWorkOrdersJob>.Instance);
        await job.RunAsync(CancellationToken.None);
    }

    private async Task<(int Level, int Steps, int DinghaiNotices, int CommitteeNotices)> StateAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var order = await db.WorkOrders.AsNoTracking().SingleAsync(o => o.Id == id);
        var steps = await db.WorkOrderSteps.CountAsync(s => s.WorkOrderId == id && s.Action == WorkOrderAction.Escalate);
        var link = $"/admin/work-orders/{id}";
        var dinghai = await db.Users.Where(u => u.UserName == "dinghai").Select(u => u.Id).SingleAsync();
        var gongwei = await db.Users.Where(u => u.UserName == "gongwei").Select(u => u.Id).SingleAsync();
        var notices = db.Set<Notification>().Where(n => n.Link == link && n.Topic == "work_order.escalated");
        return (order.EscalationLevel, steps, await notices.CountAsync(n => n.UserId == dinghai), await notices.CountAsync(n => n.UserId == gongwei));
    }

    [Fact]
    public async Task Overdue_orders_climb_the_ladder_one_level_at_a_time_and_each_level_is_told_once()
    {
        var dinghai = await app.LoginAs("dinghai");
        var village = await dinghai.Create("/api/organizations", new { name = WriteApiHelpers.Unique("督办村"), kind = "Village", parentId = await dinghai.OrgId("长白乡") });
        var repair = (await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories")).Single(c => c.Code == "repair"); // 6 hours to respond
        var submitted = await (await dinghai.PostJson("/api/work-orders", new { categoryId = repair.Id, description = "码头护栏松动", placeOrganizationId = village })).Read<SubmittedDto>();
        var deadline = submitted.ResponseDeadline;
        var clock = new TestClock();
        clock.AdvanceTo(deadline.AddMinutes(-1));

        await RunJobAsync(clock);
        Assert.Equal((0, 0, 0, 0), await StateAsync(submitted.Id));

        clock.AdvanceTo(deadline.AddMinutes(1));                 // the response deadline has passed: 同事互帮
        await RunJobAsync(clock);
        await RunJobAsync(clock);                            // a second run at the same moment changes nothing
        Assert.Equal((1, 1, 1, 0), await StateAsync(submitted.Id));

        clock.AdvanceTo(deadline.AddHours(6).AddMinutes(-1));   // level 1's timer (6 h) has not run out
        await RunJobAsync(clock);
        Assert.Equal(1, (await StateAsync(submitted.Id)).Level);

        clock.AdvanceTo(deadline.AddHours(6).AddMinutes(2));    // 分工会协调
        await RunJobAsync(clock);
        Assert.Equal((2, 2, 2, 0), await StateAsync(submitted.Id));

        // Two runners (two app nodes) at the same moment, when level 2's timer (24 h) has run out: one escalation, one notice.
        clock.AdvanceTo(deadline.AddHours(30).AddMinutes(3));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunJobAsync(clock))));
        Assert.Equal((3, 3, 3, 0), await StateAsync(submitted.Id));

        clock.AdvanceTo(deadline.AddHours(78).AddMinutes(4));   // 局工会兜底: the committee (gongwei) hears of it
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunJobAsync(clock))));
        Assert.Equal((4, 4, 3, 1), await StateAsync(submitted.Id));

        clock.AdvanceTo(deadline.AddDays(30));                   // the top of the ladder is the end
        await RunJobAsync(clock);
        Assert.Equal((4, 4, 3, 1), await StateAsync(submitted.Id));

        var order = await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{submitted.Id}");
        Assert.Equal(["同事互帮", "分工会协调", "片区互助组联动", "局工会兜底"],
            order.Timeline.Where(t => t.Action == "Escalate").Select(t => t.Note!.Split('：')[1]));
        Assert.Equal("Submitted", order.Status);            // escalation is a field, not a state

        // Claiming and resolving stops it: a resolved order is not open any more.
        await dinghai.PostJson($"/api/work-orders/{submitted.Id}/reject", new { note = "测试结束" }).Ok();
        clock.AdvanceTo(deadline.AddDays(60));
        await RunJobAsync(clock);
        Assert.Equal(4, (await StateAsync(submitted.Id)).Steps);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EscalationTests_Sqlite(SqliteApp app) : EscalationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EscalationTests_Postgres(PostgresApp app) : EscalationTests(app);
