using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>What is negotiated (谈约): title, terms and dates (lengths as in AgreementConfiguration).</summary>
public sealed record AgreementInput(string? Title, string? Terms, DateOnly? NegotiationStartedOn, DateOnly? ValidUntil = null)
{
    public const int TitleMax = 200;
    public const int TermsMax = 20000;

    public Validator Validate()
    {
        var v = new Validator()
            .Text(nameof(Title), Title, TitleMax, "协议标题", required: true)
            .Text(nameof(Terms), Terms, TermsMax, "协议条款")
            .Must(NegotiationStartedOn is not null, nameof(NegotiationStartedOn), "请填写谈约开始日期")
            .Must(NegotiationStartedOn is not { } started || ChinaClock.IsPlausible(started), nameof(NegotiationStartedOn), "谈约开始日期不正确")
            .Must(ValidUntil is not { } until || ChinaClock.IsPlausible(until), nameof(ValidUntil), "有效期不正确");
        if (NegotiationStartedOn is { } start && ValidUntil is { } end) v.Must(end >= start, nameof(ValidUntil), "有效期不能早于谈约开始日期");
        return v;
    }
}

/// <summary>The date of a step (签约, 履约); today (China time) when not given.</summary>
public sealed record AgreementStepInput(DateOnly? On = null);

/// <summary>评约: the result and a remark.</summary>
public sealed record EvaluateAgreementInput(EvaluationResult? Result, string? Remark = null, DateOnly? On = null)
{
    public const int RemarkMax = 2000;

    public Validator Validate()
    {
        var v = new Validator().Text(nameof(Remark), Remark, RemarkMax, "评约意见");
        if (Result is not { } result) v.Add(nameof(Result), "请选择评约结果");
        else v.Must(Enum.IsDefined(result), nameof(Result), "评约结果不正确");
        return v;
    }
}

internal static class AgreementDates
{
    /// <summary>A step's date defaults to today and cannot lie in the future: 签约/履约/评约 record what happened.</summary>
    public static Result<DateOnly> StepDate(DateOnly? on, string label, TimeProvider clock)
    {
        var today = ChinaClock.Today(clock);
        var date = on ?? today;
        if (!ChinaClock.IsPlausible(date)) return Error.Validation("validation", $"{label}不正确。");
        return date > today ? AllianceChangeErrors.DateInFuture(label) : date;
    }
}
