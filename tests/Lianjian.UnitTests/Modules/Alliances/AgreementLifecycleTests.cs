using Lianjian.Web.Modules.Alliances;

namespace Lianjian.UnitTests.Modules.Alliances;

public class AgreementLifecycleTests
{
    private static Agreement New() => new() { Id = Guid.NewGuid(), Title = "2026年度联建协议", NegotiationStartedOn = new DateOnly(2026, 1, 10) };

    [Fact]
    public void FullLifecycle_NegotiateSignPerformEvaluate()
    {
        var agreement = New();
        Assert.Equal(AgreementStatus.Negotiating, agreement.Status);
        Assert.True(agreement.Sign(new DateOnly(2026, 2, 20)).IsSuccess);
        Assert.True(agreement.StartPerformance(new DateOnly(2026, 3, 1)).IsSuccess);
        Assert.True(agreement.Evaluate(new DateOnly(2026, 12, 20), EvaluationResult.Excellent, " 完成率100% ").IsSuccess);
        Assert.Equal(AgreementStatus.Evaluated, agreement.Status);
        Assert.Equal(EvaluationResult.Excellent, agreement.EvaluationResult);
        Assert.Equal("完成率100%", agreement.EvaluationRemark);
    }

    public static TheoryData<string, AgreementStatus> OutOfOrder => new()
    {
        { "perform-before-sign", AgreementStatus.Negotiating },
        { "evaluate-before-perform", AgreementStatus.Signed },
        { "sign-twice", AgreementStatus.Signed },
        { "evaluate-twice", AgreementStatus.Evaluated },
    };

    [Theory]
    [MemberData(nameof(OutOfOrder))]
    public void StepOutOfOrder_IsWrongStep_AndChangesNothing(string step, AgreementStatus from)
    {
        var agreement = New();
        if (from >= AgreementStatus.Signed) agreement.Sign(new DateOnly(2026, 2, 1));
        if (from >= AgreementStatus.Performing) agreement.StartPerformance(new DateOnly(2026, 3, 1));
        if (from >= AgreementStatus.Evaluated) agreement.Evaluate(new DateOnly(2026, 12, 1), EvaluationResult.Good, null);

        var result = step switch
        {
            "perform-before-sign" => agreement.StartPerformance(new DateOnly(2026, 3, 1)),
            "evaluate-before-perform" => agreement.Evaluate(new DateOnly(2026, 12, 1), EvaluationResult.Good, null),
            "sign-twice" => agreement.Sign(new DateOnly(2026, 2, 2)),
            _ => agreement.Evaluate(new DateOnly(2026, 12, 2), EvaluationResult.Poor, null),
        };

        Assert.Equal("agreement.wrong_step", result.Error?.Code);
        Assert.Equal(from, agreement.Status);
    }

    [Fact]
    public void Sign_BeforeNegotiationStarted_IsRejected()
    {
        var agreement = New();
        Assert.Equal("agreement.date_order", agreement.Sign(new DateOnly(2026, 1, 1)).Error?.Code);
        Assert.Equal(AgreementStatus.Negotiating, agreement.Status);
    }
}

public class AgreementNextStepTests
{
    private static Agreement At(AgreementStatus status)
    {
        var a = new Agreement { Id = Guid.NewGuid(), Title = "协议", NegotiationStartedOn = new DateOnly(2026, 1, 1) };
        if (status >= AgreementStatus.Signed) a.Sign(new DateOnly(2026, 2, 1));
        if (status >= AgreementStatus.Performing) a.StartPerformance(new DateOnly(2026, 3, 1));
        if (status >= AgreementStatus.Evaluated) a.Evaluate(new DateOnly(2026, 12, 1), EvaluationResult.Good, null);
        return a;
    }

    private static bool Accepts(Agreement a, AgreementStep step) => step switch
    {
        AgreementStep.Sign => a.Sign(new DateOnly(2026, 12, 2)).IsSuccess,
        AgreementStep.StartPerformance => a.StartPerformance(new DateOnly(2026, 12, 2)).IsSuccess,
        _ => a.Evaluate(new DateOnly(2026, 12, 2), EvaluationResult.Good, null).IsSuccess,
    };

    /// <summary>The step the pages offer is exactly the one the entity accepts, for every status and step.</summary>
    [Theory]
    [InlineData(AgreementStatus.Negotiating)]
    [InlineData(AgreementStatus.Signed)]
    [InlineData(AgreementStatus.Performing)]
    [InlineData(AgreementStatus.Evaluated)]
    public void NextStep_IsTheOnlyStepTheEntityAccepts(AgreementStatus status)
    {
        foreach (var step in Enum.GetValues<AgreementStep>())
        {
            Assert.Equal(Agreement.NextStep(status) == step, Accepts(At(status), step));
        }
    }
}
