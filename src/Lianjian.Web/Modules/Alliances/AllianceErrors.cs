using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances;

public static class AllianceErrors
{
    public static Error NotFound() => Error.NotFound("alliance.not_found", "联建不存在，或您所在的组织不属于该联建。");

    public static Error AgreementNotFound() => Error.NotFound("agreement.not_found", "联建协议不存在。");

    public static Error MeetingNotFound() => Error.NotFound("meeting.not_found", "联席会议不存在。");
}
