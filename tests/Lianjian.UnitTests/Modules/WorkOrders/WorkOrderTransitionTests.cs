using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform.Results;

namespace Lianjian.UnitTests.Modules.WorkOrders;

/// <summary>Every (state, action, actor) cell of the transition table, against an expectation written out here by hand.</summary>
public sealed class WorkOrderTransitionTests
{
    // from → action → (to, actors): the lifecycle as docs/work-order-lifecycle.md states it, typed independently of the code.
    private static readonly Dictionary<(WorkOrderStatus, WorkOrderAction), (WorkOrderStatus To, string Who)> Expected = new()
    {
        [(WorkOrderStatus.Submitted, WorkOrderAction.Dispatch)] = (WorkOrderStatus.Dispatched, "D"),
        [(WorkOrderStatus.Submitted, WorkOrderAction.Reject)] = (WorkOrderStatus.Rejected, "D"),
        [(WorkOrderStatus.Submitted, WorkOrderAction.Withdraw)] = (WorkOrderStatus.Withdrawn, "R"),
        [(WorkOrderStatus.Submitted, WorkOrderAction.Escalate)] = (WorkOrderStatus.Submitted, "S"),
        [(WorkOrderStatus.Dispatched, WorkOrderAction.Claim)] = (WorkOrderStatus.Claimed, "C"),
        [(WorkOrderStatus.Dispatched, WorkOrderAction.Return)] = (WorkOrderStatus.Submitted, "C"),
        [(WorkOrderStatus.Dispatched, WorkOrderAction.Reassign)] = (WorkOrderStatus.Dispatched, "D"),
        [(WorkOrderStatus.Dispatched, WorkOrderAction.Reject)] = (WorkOrderStatus.Rejected, "D"),
        [(WorkOrderStatus.Dispatched, WorkOrderAction.Withdraw)] = (WorkOrderStatus.Withdrawn, "R"),
        [(WorkOrderStatus.Dispatched, WorkOrderAction.Escalate)] = (WorkOrderStatus.Dispatched, "S"),
        [(WorkOrderStatus.Claimed, WorkOrderAction.Progress)] = (WorkOrderStatus.Claimed, "H"),
        [(WorkOrderStatus.Claimed, WorkOrderAction.Resolve)] = (WorkOrderStatus.Resolved, "H"),
        [(WorkOrderStatus.Claimed, WorkOrderAction.Return)] = (WorkOrderStatus.Submitted, "H"),
        [(WorkOrderStatus.Claimed, WorkOrderAction.Reassign)] = (WorkOrderStatus.Dispatched, "D"),
        [(WorkOrderStatus.Claimed, WorkOrderAction.Escalate)] = (WorkOrderStatus.Claimed, "S"),
        [(WorkOrderStatus.Resolved, WorkOrderAction.Rate)] = (WorkOrderStatus.Rated, "R"),
        [(WorkOrderStatus.Resolved, WorkOrderAction.FollowUp)] = (WorkOrderStatus.Rated, "D"),
        [(WorkOrderStatus.Resolved, WorkOrderAction.Reopen)] = (WorkOrderStatus.Reopened, "RD"),
        [(WorkOrderStatus.Resolved, WorkOrderAction.Close)] = (WorkOrderStatus.Closed, "D"),
        [(WorkOrderStatus.Rated, WorkOrderAction.Reopen)] = (WorkOrderStatus.Reopened, "RD"),
        [(WorkOrderStatus.Rated, WorkOrderAction.Close)] = (WorkOrderStatus.Closed, "D"),
        [(WorkOrderStatus.Reopened, WorkOrderAction.Progress)] = (WorkOrderStatus.Reopened, "H"),
        [(WorkOrderStatus.Reopened, WorkOrderAction.Resolve)] = (WorkOrderStatus.Resolved, "H"),
        [(WorkOrderStatus.Reopened, WorkOrderAction.Return)] = (WorkOrderStatus.Submitted, "H"),
        [(WorkOrderStatus.Reopened, WorkOrderAction.Reassign)] = (WorkOrderStatus.Dispatched, "D"),
        [(WorkOrderStatus.Reopened, WorkOrderAction.Escalate)] = (WorkOrderStatus.Reopened, "S"),
    };

    private static readonly Dictionary<WorkOrderActor, char> Letter = new()
    {
        [WorkOrderActor.Requester] = 'R', [WorkOrderActor.Dispatcher] = 'D', [WorkOrderActor.Candidate] = 'C',
        [WorkOrderActor.Handler] = 'H', [WorkOrderActor.System] = 'S',
    };

    public static TheoryData<WorkOrderStatus, WorkOrderAction, WorkOrderActor> Cells()
    {
        var data = new TheoryData<WorkOrderStatus, WorkOrderAction, WorkOrderActor>();
        foreach (var status in Enum.GetValues<WorkOrderStatus>())
        foreach (var action in Enum.GetValues<WorkOrderAction>().Where(a => a != WorkOrderAction.Submit))
        foreach (var actor in Letter.Keys)
            data.Add(status, action, actor);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Every_cell_moves_or_refuses_as_the_lifecycle_says(WorkOrderStatus status, WorkOrderAction action, WorkOrderActor actor)
    {
        var order = WorkOrderTestData.InStatus(status);
        var version = order.Version;
        var result = WorkOrderTestData.Apply(order, action, actor);

        if (Expected.TryGetValue((status, action), out var cell) && cell.Who.Contains(Letter[actor]))
        {
            Assert.True(result.IsSuccess, result.Error?.Message);
            Assert.Equal(cell.To, order.Status);
            Assert.Equal(status, result.Value.FromStatus);
            Assert.Equal(cell.To, result.Value.ToStatus);
            Assert.Equal(action, result.Value.Action);
            Assert.Equal(actor, result.Value.ActorRole);
            Assert.Equal(version + 1, order.Version);
            return;
        }

        Assert.False(result.IsSuccess);
        Assert.Equal(status, order.Status);
        Assert.Equal(version, order.Version);
        if (action == WorkOrderAction.Claim && status is WorkOrderStatus.Claimed or WorkOrderStatus.Reopened)
        {
            // Claiming what someone already claimed is the 抢单 race lost: a conflict, not a rule violation.
            Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
            Assert.Equal("work_order.already_claimed", result.Error.Code);
        }
        else if (Expected.ContainsKey((status, action)))
        {
            Assert.Equal(ErrorKind.Forbidden, result.Error.Kind);
            Assert.Equal("work_order.not_allowed", result.Error.Code);
        }
        else
        {
            Assert.Equal(ErrorKind.RuleViolation, result.Error.Kind);
            Assert.Equal("work_order.invalid_transition", result.Error.Code);
            Assert.Contains(status.Label(), result.Error.Message);
        }
    }

    [Fact]
    public void The_code_table_has_exactly_the_expected_rows()
    {
        var code = WorkOrderTransitions.All.ToDictionary(t => (t.From, t.Action), t => (t.To, new string(Letter.Where(l => t.Actors.HasFlag(l.Key)).Select(l => l.Value).OrderBy(c => c).ToArray())));
        var expected = Expected.ToDictionary(e => e.Key, e => (e.Value.To, new string(e.Value.Who.OrderBy(c => c).ToArray())));
        Assert.Equal(expected.OrderBy(e => e.Key.ToString()), code.OrderBy(e => e.Key.ToString()));
    }

    [Fact]
    public void Terminal_states_allow_nothing()
    {
        foreach (var status in new[] { WorkOrderStatus.Closed, WorkOrderStatus.Rejected, WorkOrderStatus.Withdrawn })
        {
            Assert.Empty(WorkOrderTransitions.Allowed(status, WorkOrderActor.Requester | WorkOrderActor.Dispatcher | WorkOrderActor.Candidate | WorkOrderActor.Handler | WorkOrderActor.System));
        }
    }

    [Fact]
    public void A_satisfied_requester_cannot_ask_for_a_redo_but_staff_can()
    {
        var order = WorkOrderTestData.InStatus(WorkOrderStatus.Resolved);
        Assert.True(order.Rate(WorkOrderAction.Rate, WorkOrderActor.Requester, WorkOrderTestData.Someone, 5, "很满意", WorkOrderTestData.Monday.AddDays(1)).IsSuccess);
        var byRequester = order.Reopen(WorkOrderActor.Requester, WorkOrderTestData.Someone, "再修", WorkOrderTestData.Category(), Lianjian.Web.Platform.Calendar.WorkingCalendar.Empty, WorkOrderTestData.Monday.AddDays(2));
        Assert.Equal("work_order.reopen_after_satisfied", byRequester.Error?.Code);
        var byStaff = order.Reopen(WorkOrderActor.Dispatcher, WorkOrderTestData.Someone, "抽查不合格", WorkOrderTestData.Category(), Lianjian.Web.Platform.Calendar.WorkingCalendar.Empty, WorkOrderTestData.Monday.AddDays(2));
        Assert.True(byStaff.IsSuccess);
        Assert.Null(order.Rating);
        Assert.Equal(1, order.ReopenCount);
    }

    [Fact]
    public void Rating_outside_one_to_five_is_refused_without_a_move()
    {
        var order = WorkOrderTestData.InStatus(WorkOrderStatus.Resolved);
        var result = order.Rate(WorkOrderAction.Rate, WorkOrderActor.Requester, WorkOrderTestData.Someone, 6, null, WorkOrderTestData.Monday);
        Assert.Equal("work_order.rating_out_of_range", result.Error?.Code);
        Assert.Equal(WorkOrderStatus.Resolved, order.Status);
    }

    [Fact]
    public void Return_clears_assignee_and_handler_and_reopen_resets_escalation()
    {
        var order = WorkOrderTestData.InStatus(WorkOrderStatus.Claimed);
        Assert.True(order.Escalate(WorkOrderActor.System, 1, "同事互帮", WorkOrderTestData.Monday.AddDays(1)).IsSuccess);
        Assert.True(order.Return(WorkOrderActor.Handler, WorkOrderTestData.Someone, "不归我们管", WorkOrderTestData.Monday.AddDays(1)).IsSuccess);
        Assert.Null(order.AssigneeOrganizationId);
        Assert.Null(order.HandlerUserId);
        Assert.Equal(1, order.EscalationLevel);

        var reopened = WorkOrderTestData.InStatus(WorkOrderStatus.Claimed);
        Assert.True(reopened.Escalate(WorkOrderActor.System, 1, "同事互帮", WorkOrderTestData.Monday.AddDays(1)).IsSuccess);
        Assert.True(reopened.Resolve(WorkOrderActor.Handler, WorkOrderTestData.Someone, "修好了", WorkOrderTestData.Monday.AddDays(2)).IsSuccess);
        Assert.True(reopened.Reopen(WorkOrderActor.Dispatcher, WorkOrderTestData.Someone, "重办", WorkOrderTestData.Category(), Lianjian.Web.Platform.Calendar.WorkingCalendar.Empty, WorkOrderTestData.Monday.AddDays(3)).IsSuccess);
        Assert.Equal(0, reopened.EscalationLevel);
        Assert.Equal(WorkOrderTestData.Monday.AddDays(3 + 7), reopened.ResolutionDeadline); // Thursday + 5 working days = next Thursday
    }

    [Fact]
    public void Escalation_goes_one_level_at_a_time()
    {
        var order = WorkOrderTestData.InStatus(WorkOrderStatus.Dispatched);
        Assert.Equal("work_order.escalation_out_of_order", order.Escalate(WorkOrderActor.System, 2, "分工会协调", WorkOrderTestData.Monday).Error?.Code);
        Assert.True(order.Escalate(WorkOrderActor.System, 1, "同事互帮", WorkOrderTestData.Monday).IsSuccess);
        Assert.True(order.Escalate(WorkOrderActor.System, 2, "分工会协调", WorkOrderTestData.Monday).IsSuccess);
        Assert.Equal(2, order.EscalationLevel);
        Assert.Equal(WorkOrderStatus.Dispatched, order.Status);
    }

    [Fact]
    public void The_query_forms_of_overdue_agree_with_the_entity()
    {
        foreach (var status in Enum.GetValues<WorkOrderStatus>())
        {
            var order = WorkOrderTestData.InStatus(status);
            foreach (var hours in new[] { 1, 7, 24 * 30 })
            {
                var now = WorkOrderTestData.Monday.AddHours(hours);
                var expected = order.IsOverdue(now);
                Assert.Equal(expected, WorkOrder.OverdueAt(now).Compile()(order));
                Assert.Equal(expected, WorkOrder.IsOverdueAt(order.DueAt, now));
                // The stored DueAt is the rule of the rule book: open, and past the response deadline while nobody has
                // claimed it yet, or past the resolution deadline.
                var rule = status.IsOpen() && (order.ResolutionDeadline < now || (order.RespondedAt == null && order.ResponseDeadline < now));
                Assert.Equal(rule, expected);
                Assert.Equal(status.IsOpen(), order.DueAt is not null);
            }
        }

        Assert.True(WorkOrderTestData.Submitted().IsOverdue(WorkOrderTestData.Monday.AddHours(7))); // 6 hours to respond
    }

    [Theory]
    [InlineData("GD-20261123-000123", 123)]
    [InlineData("gd-20261123-1234567", 1234567)]
    public void Tracking_numbers_read_back(string number, long id)
    {
        Assert.True(WorkOrder.TryParseNumber(number, out var parsed, out _));
        Assert.Equal(id, parsed);
        Assert.Equal("GD-20261123-000123", WorkOrder.FormatNumber(new DateTime(2026, 11, 22, 17, 0, 0, DateTimeKind.Utc), 123)); // 01:00 China time on the 23rd
    }

    [Theory]
    [InlineData("GD-2026-1")]
    [InlineData("XX-20261123-000123")]
    [InlineData("GD-20261301-000123")]
    [InlineData("")]
    public void Bad_tracking_numbers_do_not_parse(string number) => Assert.False(WorkOrder.TryParseNumber(number, out _, out _));
}
