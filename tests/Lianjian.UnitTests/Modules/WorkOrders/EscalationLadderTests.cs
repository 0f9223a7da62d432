using Lianjian.Web.Modules.WorkOrders;

namespace Lianjian.UnitTests.Modules.WorkOrders;

public sealed class EscalationLadderTests
{
    private static readonly DateTime Deadline = new(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc);

    private static EscalationLadder Seeds() => new()
    {
        Name = "四级",
        Levels =
        [
            new EscalationLevel { Name = "同事互帮", Target = EscalationTarget.HandlingOrganization, TimerHours = 6 },
            new EscalationLevel { Name = "分工会协调", Target = EscalationTarget.ParentOrganization, TimerHours = 24 },
            new EscalationLevel { Name = "片区互助组联动", Target = EscalationTarget.GrandparentOrganization, TimerHours = 48 },
            new EscalationLevel { Name = "局工会兜底", Target = EscalationTarget.Committee, TimerHours = 72 },
        ],
    };

    [Fact]
    public void Nothing_happens_before_the_deadline()
    {
        Assert.Equal(0, Seeds().NextLevel(0, null, Deadline, Deadline.AddSeconds(-1)));
    }

    [Fact]
    public void The_deadline_enters_level_one()
    {
        Assert.Equal(1, Seeds().NextLevel(0, null, Deadline, Deadline));
        Assert.Equal(1, Seeds().NextLevel(0, null, Deadline, Deadline.AddDays(30))); // one level per step, even when long overdue
    }

    [Fact]
    public void Each_level_waits_for_its_own_timer()
    {
        var ladder = Seeds();
        var enteredOne = Deadline.AddMinutes(5);
        Assert.Equal(1, ladder.NextLevel(1, enteredOne, Deadline, enteredOne.AddHours(6).AddSeconds(-1)));
        Assert.Equal(2, ladder.NextLevel(1, enteredOne, Deadline, enteredOne.AddHours(6)));
        var enteredTwo = enteredOne.AddHours(6);
        Assert.Equal(2, ladder.NextLevel(2, enteredTwo, Deadline, enteredTwo.AddHours(23)));
        Assert.Equal(3, ladder.NextLevel(2, enteredTwo, Deadline, enteredTwo.AddHours(24)));
        var enteredThree = enteredTwo.AddHours(24);
        Assert.Equal(3, ladder.NextLevel(3, enteredThree, Deadline, enteredThree.AddHours(47)));
        Assert.Equal(4, ladder.NextLevel(3, enteredThree, Deadline, enteredThree.AddHours(48)));
    }

    [Fact]
    public void The_top_is_the_last_level()
    {
        Assert.Equal(4, Seeds().NextLevel(4, Deadline, Deadline, Deadline.AddDays(365)));
    }

    [Fact]
    public void An_empty_ladder_never_escalates()
    {
        Assert.Equal(0, new EscalationLadder { Name = "无" }.NextLevel(0, null, Deadline, Deadline.AddDays(1)));
    }
}
