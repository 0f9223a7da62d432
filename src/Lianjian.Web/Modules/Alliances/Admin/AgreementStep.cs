namespace Lianjian.Web.Modules.Alliances.Admin;

/// <summary>Screen words for the agreement steps; which step comes next is the entity's rule (<see cref="Agreement.NextStep"/>).</summary>
public static class AgreementSteps
{
    public static string Label(this AgreementStep step) => step switch
    {
        AgreementStep.Sign => "签约",
        AgreementStep.StartPerformance => "开始履约",
        _ => "评约",
    };

    public static string DateLabel(this AgreementStep step) => step switch
    {
        AgreementStep.Sign => "签约日期",
        AgreementStep.StartPerformance => "履约开始日期",
        _ => "评约日期",
    };
}
