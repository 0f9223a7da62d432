using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>谈约: opens a new agreement of the alliance, in the negotiating step.</summary>
public sealed class CreateAgreement(AppDbContext db, AllianceAccess access)
{
    public async Task<Result<Guid>> ExecuteAsync(Guid allianceId, AgreementInput input, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var found = await access.FindForChangeAsync(allianceId, ct);
        if (!found.IsSuccess) return found.Error;
        var agreement = new Agreement
        {
            Id = Guid.CreateVersion7(),
            AllianceId = allianceId,
            ScopeOrganizationId = found.Value.LeadOrganizationId,
            Title = input.Title!.Trim(),
            Terms = TextInput.TrimOrNull(input.Terms),
            NegotiationStartedOn = input.NegotiationStartedOn!.Value,
            ValidUntil = input.ValidUntil,
        };
        db.Add(agreement);
        await db.SaveChangesAsync(ct);
        return agreement.Id;
    }
}
