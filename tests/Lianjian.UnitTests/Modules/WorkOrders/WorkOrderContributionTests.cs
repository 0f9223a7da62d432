using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform.Calendar;
using static Lianjian.UnitTests.Modules.WorkOrders.WorkOrderTestData;

namespace Lianjian.UnitTests.Modules.WorkOrders;

/// <summary>What one order adds to the figures of docs/kpis.md (the roll-ups' and the recount's one formula).</summary>
public sealed class WorkOrderContributionTests
{
    private static readonly DateTime Deadline = new(2026, 3, 9, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_order_is_received_and_valid_and_nothing_else()
    {
        var c = WorkOrderContribution.Of(Submitted());
        Assert.Equal(new WorkOrderContribution(1, 0, 0, 0, 0, 0, 0, 0, 0), c);
        Assert.Equal(1, c.Valid);
    }

    [Theory]
    [InlineData(WorkOrderStatus.Rejected)]
    [InlineData(WorkOrderStatus.Withdrawn)]
    public void Rejected_and_withdrawn_orders_are_received_but_count_for_nothing_else(WorkOrderStatus status)
    {
        // Even with a response and a rating on record: they are out of every rate.
        var c = WorkOrderContribution.Of(status, Monday, 3600, Monday, Deadline, 5);
        Assert.Equal(1, c.Received);
        Assert.Equal(status == WorkOrderStatus.Rejected ? 1 : 0, c.Rejected);
        Assert.Equal(status == WorkOrderStatus.Withdrawn ? 1 : 0, c.Withdrawn);
        Assert.Equal(0, c.Valid);
        Assert.Equal(new WorkOrderContribution(0, 0, 0, 0, 0, 0, 0, 0, 0), c with { Received = 0, Rejected = 0, Withdrawn = 0 });
        Assert.Equal(0, WorkOrderContribution.Of(InStatus(status)).Valid);
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(1, 0)]
    public void Ratings_of_4_and_5_are_satisfied_3_and_below_are_not(int rating, int satisfied)
    {
        var c = WorkOrderContribution.Of(WorkOrderStatus.Rated, Monday, 600, Monday.AddHours(2), Deadline, rating);
        Assert.Equal(1, c.Rated);
        Assert.Equal(satisfied, c.Satisfied);
        Assert.Equal(1, c.Resolved);
    }

    [Fact]
    public void On_time_means_resolved_no_later_than_the_deadline()
    {
        Assert.Equal(1, WorkOrderContribution.Of(WorkOrderStatus.Resolved, Monday, 60, Deadline, Deadline, null).ResolvedOnTime);
        Assert.Equal(0, WorkOrderContribution.Of(WorkOrderStatus.Resolved, Monday, 60, Deadline.AddTicks(1), Deadline, null).ResolvedOnTime);
        Assert.Equal(1, WorkOrderContribution.Of(WorkOrderStatus.Closed, Monday, 60, Deadline.AddTicks(-1), Deadline, 4).ResolvedOnTime);
        // Not resolved (still in progress): never on time, whatever the fields say.
        Assert.Equal(0, WorkOrderContribution.Of(WorkOrderStatus.Claimed, Monday, 60, Monday, Deadline, null).ResolvedOnTime);
    }

    [Fact]
    public void A_reopened_order_is_responded_but_neither_resolved_nor_rated_until_done_again()
    {
        var order = InStatus(WorkOrderStatus.Rated); // resolved and rated 2 on the way
        var before = WorkOrderContribution.Of(order);
        Assert.Equal((1, 1, 1, 1, 0), (before.Responded, before.Resolved, before.ResolvedOnTime, before.Rated, before.Satisfied));

        Assert.True(order.Reopen(WorkOrderActor.Dispatcher, Someone, "还有一盏不亮", Category(), WorkingCalendar.Empty, Monday.AddHours(1)).IsSuccess);
        var reopened = WorkOrderContribution.Of(order);
        Assert.Equal(new WorkOrderContribution(1, 0, 0, 1, 0, 0, 0, 0, before.ResponseSeconds), reopened);

        // What the roll-ups receive for that move: the difference.
        Assert.Equal(new WorkOrderContribution(0, 0, 0, 0, -1, -1, -1, 0, 0), reopened - before);
    }

    [Fact]
    public void The_response_time_is_the_first_claims_and_only_for_responded_orders()
    {
        var order = Submitted(at: Monday);
        Assert.True(order.Dispatch(WorkOrderAction.Dispatch, WorkOrderActor.Dispatcher, Someone, Guid.NewGuid(), null, false, null, Monday.AddMinutes(5)).IsSuccess);
        Assert.True(order.Claim(WorkOrderActor.Candidate, Someone, Guid.NewGuid(), Guid.NewGuid(), Monday.AddMinutes(30)).IsSuccess);
        var c = WorkOrderContribution.Of(order);
        Assert.Equal(1, c.Responded);
        Assert.Equal(30 * 60, c.ResponseSeconds);
        Assert.Equal(0, WorkOrderContribution.Of(WorkOrderStatus.Dispatched, null, null, null, Deadline, null).ResponseSeconds);
    }

    [Fact]
    public void Sums_and_differences_are_per_figure_and_the_day_is_the_China_date()
    {
        var a = new WorkOrderContribution(1, 2, 3, 4, 5, 6, 7, 8, 9);
        Assert.Equal(new WorkOrderContribution(2, 4, 6, 8, 10, 12, 14, 16, 18), a + a);
        Assert.True((a - a).IsZero);
        Assert.Equal(new DateOnly(2026, 3, 2), WorkOrderDailyStat.DayOf(new DateTime(2026, 3, 1, 16, 0, 0, DateTimeKind.Utc))); // 00:00 in China
        Assert.Equal(new DateOnly(2026, 3, 1), WorkOrderDailyStat.DayOf(new DateTime(2026, 3, 1, 15, 59, 59, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_scope_is_read_from_the_rows_of_the_top_of_each_covered_subtree()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        string P(params Guid[] ids) => "/" + string.Concat(ids.Select(Lianjian.Web.Modules.Organizations.Organization.PathSegment));
        // c lies under a: counting its rows as well would count its orders twice.
        Assert.Equal([a, d], WorkOrderRollups.ScopeRoots([P(a), P(a, b, c), P(d), P(a)]));
        Assert.Equal([a, b], WorkOrderRollups.Ancestors(P(a, b, c), c));
    }
}
