using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>签约: only from 谈约 (the entity returns agreement.wrong_step otherwise).</summary>
public sealed class SignAgreement(AppDbContext db, AllianceAccess access, TimeProvider clock)
{
    public async Task<Result> ExecuteAsync(Guid allianceId, Guid agreementId, AgreementStepInput? input = null, CancellationToken ct = default)
    {
        var date = AgreementDates.StepDate(input?.On, "签约日期", clock);
        if (!date.IsSuccess) return date.Error;
        var found = await access.FindAgreementForChangeAsync(allianceId, agreementId, ct);
        if (!found.IsSuccess) return found.Error;
        var signed = found.Value.Agreement.Sign(date.Value);
        if (!signed.IsSuccess) return signed;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
