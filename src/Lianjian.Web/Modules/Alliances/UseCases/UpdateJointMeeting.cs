using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

public sealed class UpdateJointMeeting(AppDbContext db, AllianceAccess access)
{
    public async Task<Result> ExecuteAsync(Guid allianceId, Guid meetingId, JointMeetingInput input, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var found = await access.FindMeetingForChangeAsync(allianceId, meetingId, ct);
        if (!found.IsSuccess) return found.Error;
        input.ApplyTo(found.Value.Meeting);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
