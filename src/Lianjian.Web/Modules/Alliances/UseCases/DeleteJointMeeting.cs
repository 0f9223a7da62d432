using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>Deletes a meeting recorded by mistake; the audit log keeps what it said.</summary>
public sealed class DeleteJointMeeting(AppDbContext db, AllianceAccess access)
{
    public async Task<Result> ExecuteAsync(Guid allianceId, Guid meetingId, CancellationToken ct = default)
    {
        var found = await access.FindMeetingForChangeAsync(allianceId, meetingId, ct);
        if (!found.IsSuccess) return found.Error;
        db.Remove(found.Value.Meeting);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
