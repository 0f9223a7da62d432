using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>Changes title, terms and dates while the agreement is still being negotiated; once signed they are fixed.</summary>
public sealed class UpdateAgreement(AppDbContext db, AllianceAccess access)
{
    public async Task<Result> ExecuteAsync(Guid allianceId, Guid agreementId, AgreementInput input, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var found = await access.FindAgreementForChangeAsync(allianceId, agreementId, ct);
        if (!found.IsSuccess) return found.Error;
        var agreement = found.Value.Agreement;
        if (agreement.Status != AgreementStatus.Negotiating) return AllianceChangeErrors.TermsFixedAfterNegotiation(agreement.Status);
        agreement.Title = input.Title!.Trim();
        agreement.Terms = TextInput.TrimOrNull(input.Terms);
        agreement.NegotiationStartedOn = input.NegotiationStartedOn!.Value;
        agreement.ValidUntil = input.ValidUntil;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
