using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Accounts.UseCases;

public sealed record AccountInput(
    string? UserName,
    string? DisplayName,
    IReadOnlyList<string>? Roles,
    IReadOnlyList<Guid>? OrganizationIds,
    string? Password = null,
    Guid? PersonId = null,
    bool IsActive = true)
{
    public Validator Validate(bool creating)
    {
        var v = new Validator()
            .Text(nameof(UserName), UserName, 50, "账号", required: creating)
            .Text(nameof(DisplayName), DisplayName, 50, "姓名", required: true)
            .Must((Roles?.Count ?? 0) > 0, nameof(Roles), "请至少选择一个角色")
            .Must((Roles ?? []).All(r => Platform.Identity.Roles.All.Contains(r)), nameof(Roles), "角色不存在")
            .Must((OrganizationIds?.Count ?? 0) <= 20, nameof(OrganizationIds), "所属组织最多20个");
        if (creating) v.Must(!string.IsNullOrEmpty(Password), nameof(Password), "请设置初始密码");
        if (Password is { Length: > 128 }) v.Add(nameof(Password), "密码不能超过128个字符");
        return v;
    }

    /// <summary>Which roles a staff member may hand out: never more than they hold.</summary>
    public static IReadOnlyList<string> GrantableBy(ICurrentUser user) =>
        user.IsInRole(Platform.Identity.Roles.SystemAdmin) ? Platform.Identity.Roles.All
        : user.IsInRole(Platform.Identity.Roles.CommitteeAdmin) ? Platform.Identity.Roles.All.Where(r => r != Platform.Identity.Roles.SystemAdmin).ToList()
        : user.IsInRole(Platform.Identity.Roles.OrganizationAdmin) ? [Platform.Identity.Roles.OrganizationAdmin, Platform.Identity.Roles.Member, Platform.Identity.Roles.GridWorker, Platform.Identity.Roles.Leader]
        : [];
}
