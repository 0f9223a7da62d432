using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Accounts.UseCases;

public static class AccountErrors
{
    public static Error NotFound() => Error.NotFound("account.not_found", "账号不存在，或不在您的管辖范围内。");

    public static Error OrganizationNotFound() => Error.NotFound("account.organization_not_found", "所选组织不存在，或不在您的管辖范围内。");

    public static Error RoleNotGrantable(string role) => Error.Forbidden("account.role_not_grantable", $"您无权授予“{Platform.Identity.Roles.Label(role)}”角色。");

    public static Error NeedsOrganization() => Error.Validation("account.needs_organization", "除系统管理员外，账号至少要属于一个组织。");

    public static Error CannotDeactivateSelf() => Error.Rule("account.cannot_deactivate_self", "不能停用自己的账号。");

    public static Error Identity(IEnumerable<string> messages) => Error.Validation("account.identity", string.Join("；", messages));
}
