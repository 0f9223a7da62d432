using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Organizations;

/// <summary>Errors named after the rule they protect.</summary>
public static class OrganizationErrors
{
    public static Error NotFound() => Error.NotFound("organization.not_found", "组织不存在，或不在您的管辖范围内。");

    public static Error ParentNotFound() => Error.NotFound("organization.parent_not_found", "上级组织不存在，或不在您的管辖范围内。");

    public static Error MoveWouldCreateCycle(string name, string target) =>
        Error.Rule("organization.move_cycle", $"不能把“{name}”移动到它自己或它的下级“{target}”之下。");

    public static Error GridTooDeep() =>
        Error.Rule("organization.grid_too_deep", $"网格最多{OrganizationKinds.MaxGridLevel}级（社区—楼院—小区—楼栋—单元），此操作会超出层级。");

    public static Error ParentInactive(string name) => Error.Rule("organization.parent_inactive", $"上级组织“{name}”已停用，不能在其下添加或移入组织。");

    public static Error HasActiveChildren(string name) => Error.Rule("organization.has_active_children", $"“{name}”还有在用的下级组织，请先停用或移走下级组织。");

    public static Error RootRequiresUnrestrictedScope() =>
        Error.Forbidden("organization.root_forbidden", "只有系统管理员可以创建或移动顶级组织。");

    public static Error CannotChangeOwnRoot() =>
        Error.Forbidden("organization.scope_root_locked", "不能移动或停用您所管辖范围的顶级组织，请联系上级管理员。");
}
