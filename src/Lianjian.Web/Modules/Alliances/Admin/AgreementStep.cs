namespace Lianjian.Web.Modules.Alliances.Admin;

/// <summary>The steps a person takes on an agreement after 谈约; the page offers only the one that follows the current status.</summary>
public enum AgreementStep
{
    Sign,
    StartPerformance,
    Evaluate,
}

public static class AgreementSteps
{
    /// <summary>The one step that may follow <paramref name="status"/> (谈约 → 签约 → 履约 → 评约), or none once evaluated.</summary>
    public static AgreementStep? Next(AgreementStatus status) => status switch
    {
        AgreementStatus.Negotiating => AgreementStep.Sign,
        AgreementStatus.Signed => AgreementStep.StartPerformance,
        AgreementStatus.Performing => AgreementStep.Evaluate,
        _ => null,
    };

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
