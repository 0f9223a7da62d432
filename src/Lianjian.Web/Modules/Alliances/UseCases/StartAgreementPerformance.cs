using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>履约: only after 签约.</summary>
public sealed class StartAgreementPerformance(AppDbContext db, AllianceAccess access, TimeProvider clock)
{
    public async Task<Result> ExecuteAsync(Guid allianceId, Guid agreementId, AgreementStepInput? input = null, CancellationToken ct = default)
    {
        var date = AgreementDates.StepDate(input?.On, "履约开始日期", clock);
        if (!date.IsSuccess) return date.Error;
        var found = await access.FindAgreementForChangeAsync(allianceId, agreementId, ct);
        if (!found.IsSuccess) return found.Error;
        var started = found.Value.Agreement.StartPerformance(date.Value);
        if (!started.IsSuccess) return started;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
