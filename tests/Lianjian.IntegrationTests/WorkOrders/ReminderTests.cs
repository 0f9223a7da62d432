using System.Net;
using Lianjian.IntegrationTests.Infrastructure;

namespace Lianjian.IntegrationTests.WorkOrders;

public sealed record ReminderItemDto(long Id, string Number, bool IsOverdue, DateTime Deadline);

public sealed record ReminderGroupDto(Guid OrganizationId, string OrganizationName, int Overdue, int DueSoon, List<ReminderItemDto> Items);

public sealed record ReminderDto(int DueWithinDays, int Overdue, int DueSoon, List<ReminderGroupDto> Groups);

/// <summary>月提醒: open work falling due, grouped by the organization that must act.</summary>
public abstract class ReminderTests(LianjianFactory app)
{
    [Fact]
    public async Task Open_orders_due_soon_are_listed_under_the_organization_that_must_act()
    {
        var dinghai = await app.LoginAs("dinghai");
        var village = await dinghai.Create("/api/organizations", new { name = WriteApiHelpers.Unique("提醒村"), kind = "Village", parentId = await dinghai.OrgId("长白乡") });
        var branch = await dinghai.OrgId("三龙村党支部");
        var categories = await dinghai.GetJson<List<CategoryDto>>("/api/work-order-categories");
        async Task<SubmittedDto> Submit(string code) => await (await dinghai.PostJson("/api/work-orders",
            new { categoryId = categories.Single(c => c.Code == code).Id, description = "提醒测试", placeOrganizationId = village })).Read<SubmittedDto>();

        var waiting = await Submit("repair");            // 6 hours to respond: due soon, at the village (nobody dispatched it)
        var sent = await Submit("repair");
        await dinghai.PostJson($"/api/work-orders/{sent.Id}/dispatch", new { organizationId = branch }).Ok();
        var done = await Submit("repair");
        await dinghai.PostJson($"/api/work-orders/{done.Id}/reject", new { note = "重复" }).Ok();

        var reminder = await dinghai.GetJson<ReminderDto>($"/api/work-orders/reminders?organizationId={village}&dueWithinDays=1");
        Assert.Equal(2, reminder.DueSoon);
        Assert.Equal(0, reminder.Overdue);
        var atVillage = Assert.Single(reminder.Groups, g => g.OrganizationId == village);
        Assert.Equal(waiting.Id, Assert.Single(atVillage.Items).Id);
        var atBranch = Assert.Single(reminder.Groups, g => g.OrganizationId == branch);
        Assert.Equal(sent.Id, Assert.Single(atBranch.Items).Id);
        Assert.DoesNotContain(reminder.Groups.SelectMany(g => g.Items), i => i.Id == done.Id);

        var none = await dinghai.GetJson<ReminderDto>($"/api/work-orders/reminders?organizationId={village}&dueWithinDays=0");
        Assert.Empty(none.Groups);
        await (await dinghai.GetAsync("/api/work-orders/reminders?dueWithinDays=99")).AssertProblem(HttpStatusCode.BadRequest, "reminder.bad_days");
        var putuo = await app.LoginAs("putuo");
        await (await putuo.GetAsync($"/api/work-orders/reminders?organizationId={village}")).AssertProblem(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReminderTests_Sqlite(SqliteApp app) : ReminderTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReminderTests_Postgres(PostgresApp app) : ReminderTests(app);
