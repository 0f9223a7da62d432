using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Calendar;

namespace Lianjian.UnitTests.Modules.WorkOrders;

public sealed class WorkOrderSettingsRulesTests
{
    private static CategoryInput Valid(string code = "boat-repair", TimeLimit? response = null) =>
        new(code, "修船服务", CategoryKind.ConvenienceItem, response ?? TimeLimit.InHours(6), TimeLimit.InWorkingDays(5), Guid.NewGuid());

    [Theory]
    [InlineData("repair", true)]
    [InlineData("agri-tech-2", true)]
    [InlineData("Repair", false)]
    [InlineData("维修", false)]
    [InlineData("a_b", false)]
    [InlineData("a b", false)]
    public void CategoryCode_IsLowercaseLettersDigitsAndDashes(string code, bool valid) =>
        Assert.Equal(valid, Valid(code).Validate().IsValid);

    [Theory]
    [InlineData(0, TimeLimitUnit.Hours, "响应时限应在1到8760小时之间")]
    [InlineData(251, TimeLimitUnit.WorkingDays, "响应时限应在1到250个工作日之间")]
    [InlineData(6, (TimeLimitUnit)9, "响应时限的单位只能是小时或工作日")]
    public void ResponseLimit_OutOfRange_SaysTheRangeInItsUnit(int amount, TimeLimitUnit unit, string message)
    {
        var error = Valid(response: new TimeLimit(amount, unit)).Validate().ToError();
        Assert.Equal([message], error.Fields!["ResponseLimit"]);
    }

    [Fact]
    public void Ladder_NeedsOneToEightLevels_EachNamedWithATargetAndATimer()
    {
        var level = new EscalationLevelInput("同事互帮", EscalationTarget.HandlingOrganization, 6);
        Assert.True(new EscalationLadderInput("默认", [level]).Validate().IsValid);
        Assert.False(new EscalationLadderInput("默认", []).Validate().IsValid);
        Assert.False(new EscalationLadderInput("默认", Enumerable.Repeat(level, 9).ToList()).Validate().IsValid);
        var error = new EscalationLadderInput("默认", [level, new EscalationLevelInput(null, null, 721)]).Validate().ToError();
        Assert.Equal(["Levels[1].Name", "Levels[1].Target", "Levels[1].TimerHours"], error.Fields!.Keys.Order());
    }

    [Theory]
    [InlineData("repair", "维修服务", "维修", true)]
    [InlineData("repair", "维修服务", "电工", true)]
    [InlineData("repair", "维修服务", "水电维修", true)]
    [InlineData("repair", "维修服务", "法律", false)]
    [InlineData("repair", "维修服务", "电", false)]
    [InlineData("policy-talk", "政策宣讲", "宣讲", true)]
    [InlineData("boat", "修船服务", "修船", true)]
    [InlineData("boat", "修船服务", "修船焊接", true)]
    [InlineData("boat", "修船服务", "理发", false)]
    public void Skills_MatchTheCategoryKeywords_OrItsNameWhenItHasNone(string code, string name, string skill, bool matches)
    {
        var matcher = new DispatchSuggestionsQuery.SkillMatcher(code, name, null);
        Assert.Equal(matches, matcher.Matching([skill]).Count == 1);
    }
}
