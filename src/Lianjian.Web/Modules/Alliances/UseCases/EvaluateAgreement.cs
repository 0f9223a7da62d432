using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>评约: only while 履约, with a result (优秀/良好/一般/较差) and a remark.</summary>
public sealed class EvaluateAgreement(AppDbContext db, AllianceAccess access, TimeProvider clock)
{
    public async Task<Result> ExecuteAsync(Guid allianceId, Guid agreementId, EvaluateAgreementInput input, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var date = AgreementDates.StepDate(input.On, "评约日期", clock);
        if (!date.IsSuccess) return date.Error;
        var found = await access.FindAgreementForChangeAsync(allianceId, agreementId, ct);
        if (!found.IsSuccess) return found.Error;
        var evaluated = found.Value.Agreement.Evaluate(date.Value, input.Result!.Value, input.Remark);
        if (!evaluated.IsSuccess) return evaluated;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
