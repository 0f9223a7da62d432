using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.People.UseCases;

/// <summary>Errors of a person's sub-records (驻村时段, 双报到), named after the rule they protect.</summary>
public static class PersonRecordErrors
{
    public static Error PersonInactive() => Error.Rule("person.inactive", "该人员已停用，不能添加记录；请先重新启用。");

    public static Error OnlyCadresAreStationed(PersonKind kind) =>
        Error.Rule("person.not_stationable", $"驻村时段只能登记给驻村干部、领导干部或党员，该人员是“{kind.Label()}”。");

    public static Error VillageNotFound() => Error.NotFound("person.village_not_found", "驻村地点不存在，或不在您的管辖范围内。");

    public static Error StationedOnlyInVillage(OrganizationKind actual) =>
        Error.Rule("person.stationed_needs_village", $"驻村地点必须是村，所选组织是“{actual.Label()}”。");

    public static Error PlaceInactive(string name) => Error.Rule("person.place_inactive", $"“{name}”已停用，不能登记到该组织。");

    public static Error StationedPeriodsOverlap(StationingKind kind, DateOnly startsOn, DateOnly? endsOn) =>
        Error.Rule("person.stationed_period_overlap",
            $"与已有的{kind.Label()}时段（{startsOn:yyyy-MM-dd} 至 {(endsOn is { } end ? end.ToString("yyyy-MM-dd") : "今后")}）重叠：同一人的驻村时段不能重叠。");

    public static Error StationedPeriodNotFound() => Error.NotFound("person.stationed_period_not_found", "驻村时段不存在。");

    public static Error OnlyInServiceMembersRegister() =>
        Error.Rule("person.not_in_service_member", "只有在职党员可以到社区双报到，该人员不是在职党员。");

    public static Error CommunityNotFound() => Error.NotFound("person.community_not_found", "报到社区不存在，或不在您的管辖范围内。");

    public static Error RegistrationNeedsCommunity(OrganizationKind actual) =>
        Error.Rule("person.registration_needs_community", $"双报到的组织必须是社区或村，所选组织是“{actual.Label()}”。");

    public static Error AlreadyRegistered(string community) =>
        Error.Conflict("person.already_registered", $"该党员已经在“{community}”报到，同一社区只能报到一次。");

    public static Error RegistrationNotFound() => Error.NotFound("person.registration_not_found", "双报到记录不存在。");
}
