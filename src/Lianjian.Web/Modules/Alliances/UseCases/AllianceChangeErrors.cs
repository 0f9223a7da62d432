using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>Errors of the alliance use cases, named after the rule they protect.</summary>
public static class AllianceChangeErrors
{
    public static Error OnlyLeadScopeCanChange(string leadName) =>
        Error.Forbidden("alliance.lead_only", $"只有牵头组织“{leadName}”及其上级的管理员可以修改该联建。");

    public static Error AllianceInactive(string name) =>
        Error.Rule("alliance.inactive", $"联建“{name}”已停用，不能修改；如需修改，请先重新启用。");

    public static Error DuplicateName(string name) => Error.Conflict("alliance.duplicate_name", $"已有名为“{name}”的联建，请换一个名称。");

    public static Error LeadNotFound() => Error.NotFound("alliance.lead_not_found", "牵头组织不存在，或不在您的管辖范围内。");

    public static Error OrganizationNotFound() => Error.NotFound("alliance.organization_not_found", "组织不存在，或不在您的管辖范围内。");

    public static Error OrganizationInactive(string name) =>
        Error.Rule("alliance.organization_inactive", $"组织“{name}”已停用，不能加入联建或担任牵头组织。");

    public static Error AlreadyMember(string name) => Error.Conflict("alliance.already_member", $"“{name}”已经是该联建的成员。");

    public static Error MemberNotFound() => Error.NotFound("alliance.member_not_found", "该组织不是此联建的成员。");

    public static Error CannotRemoveLead() =>
        Error.Rule("alliance.cannot_remove_lead", "不能移除牵头组织；如需更换牵头组织，请先在联建信息中修改牵头组织。");

    public static Error TermsFixedAfterNegotiation(AgreementStatus status) =>
        Error.Rule("agreement.terms_fixed", $"协议已进入“{status.Label()}”阶段，标题、条款和日期只能在谈约阶段修改。");

    public static Error DateInFuture(string label) => Error.Validation("agreement.date_in_future", $"{label}不能晚于今天。");

    public static Error DocumentMissing() => Error.NotFound("agreement.document_missing", "该协议还没有上传协议文件。");
}
