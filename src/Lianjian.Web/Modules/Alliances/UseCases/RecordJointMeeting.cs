using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>Records a joint meeting of the alliance (planned or held).</summary>
public sealed class RecordJointMeeting(AppDbContext db, AllianceAccess access)
{
    public async Task<Result<Guid>> ExecuteAsync(Guid allianceId, JointMeetingInput input, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var found = await access.FindForChangeAsync(allianceId, ct);
        if (!found.IsSuccess) return found.Error;
        var meeting = new JointMeeting { Id = Guid.CreateVersion7(), AllianceId = allianceId, ScopeOrganizationId = found.Value.LeadOrganizationId };
        input.ApplyTo(meeting);
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }
}
