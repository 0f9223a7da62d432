using Lianjian.Web.Platform.Auditing;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances;

/// <summary>谈约 → 签约 → 履约 → 评约.</summary>
public enum AgreementStatus
{
    Negotiating,
    Signed,
    Performing,
    Evaluated,
}

/// <summary>The steps taken on an agreement after 谈约, in their only order.</summary>
public enum AgreementStep
{
    Sign,
    StartPerformance,
    Evaluate,
}

/// <summary>评约结果.</summary>
public enum EvaluationResult
{
    Excellent,
    Good,
    Fair,
    Poor,
}

/// <summary>
/// 联建协议: the alliance's agreement. Each step of its lifecycle has its own method; a step out of order is a
/// typed error, never a silent no-op.
/// </summary>
public sealed class Agreement : IAudited
{
    public Guid Id { get; set; }

    public Guid AllianceId { get; set; }

    public Guid ScopeOrganizationId { get; set; }

    public string Title { get; set; } = "";

    public string? Terms { get; set; }

    public AgreementStatus Status { get; private set; } = AgreementStatus.Negotiating;

    public DateOnly NegotiationStartedOn { get; set; }

    public DateOnly? SignedOn { get; private set; }

    public DateOnly? PerformanceStartedOn { get; private set; }

    public DateOnly? EvaluatedOn { get; private set; }

    public DateOnly? ValidUntil { get; set; }

    public EvaluationResult? EvaluationResult { get; private set; }

    public string? EvaluationRemark { get; private set; }

    /// <summary>The signed document, stored under the data folder (never in the web root).</summary>
    public string? DocumentFileName { get; set; }

    public string? DocumentStoredName { get; set; }

    public string? DocumentContentType { get; set; }

    Guid? IAudited.AuditScopeOrganizationId => ScopeOrganizationId;

    string IAudited.AuditLabel => Title;

    /// <summary>The one step that may follow <paramref name="status"/> (谈约 → 签约 → 履约 → 评约), or none once evaluated. Pages ask this which button to offer.</summary>
    public static AgreementStep? NextStep(AgreementStatus status) => status switch
    {
        AgreementStatus.Negotiating => AgreementStep.Sign,
        AgreementStatus.Signed => AgreementStep.StartPerformance,
        AgreementStatus.Performing => AgreementStep.Evaluate,
        _ => null,
    };

    public Result Sign(DateOnly on)
    {
        if (NextStep(Status) != AgreementStep.Sign) return AgreementErrors.WrongStep(Status, "签约");
        if (on < NegotiationStartedOn) return AgreementErrors.DateBefore("签约日期", "谈约日期");
        Status = AgreementStatus.Signed;
        SignedOn = on;
        return Result.Ok;
    }

    public Result StartPerformance(DateOnly on)
    {
        if (NextStep(Status) != AgreementStep.StartPerformance) return AgreementErrors.WrongStep(Status, "履约");
        if (on < SignedOn) return AgreementErrors.DateBefore("履约开始日期", "签约日期");
        Status = AgreementStatus.Performing;
        PerformanceStartedOn = on;
        return Result.Ok;
    }

    public Result Evaluate(DateOnly on, EvaluationResult result, string? remark)
    {
        if (NextStep(Status) != AgreementStep.Evaluate) return AgreementErrors.WrongStep(Status, "评约");
        if (on < PerformanceStartedOn) return AgreementErrors.DateBefore("评约日期", "履约开始日期");
        Status = AgreementStatus.Evaluated;
        EvaluatedOn = on;
        EvaluationResult = result;
        EvaluationRemark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        return Result.Ok;
    }
}

public static class AgreementErrors
{
    public static Error WrongStep(AgreementStatus current, string step) =>
        Error.Rule("agreement.wrong_step", $"协议当前处于“{current.Label()}”阶段，不能{step}。协议须按 谈约 → 签约 → 履约 → 评约 的顺序进行。");

    public static Error DateBefore(string date, string earlier) => Error.Validation("agreement.date_order", $"{date}不能早于{earlier}。");

    public static string Label(this AgreementStatus status) => status switch
    {
        AgreementStatus.Negotiating => "谈约",
        AgreementStatus.Signed => "签约",
        AgreementStatus.Performing => "履约",
        AgreementStatus.Evaluated => "评约",
        _ => status.ToString(),
    };

    public static string Label(this EvaluationResult result) => result switch
    {
        EvaluationResult.Excellent => "优秀",
        EvaluationResult.Good => "良好",
        EvaluationResult.Fair => "一般",
        EvaluationResult.Poor => "较差",
        _ => result.ToString(),
    };
}
