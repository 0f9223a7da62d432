using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>The rules of the category and ladder dictionaries (工单设置).</summary>
public static class DictionaryErrors
{
    public static Error OnlyAdmins { get; } =
        Error.Forbidden("work_order_settings.admins_only", "只有系统管理员和工委管理员可以修改服务类别和督办阶梯。");

    public static Error CategoryNotFound { get; } = Error.NotFound("work_order_category.not_found", "服务类别不存在。");

    public static Error LadderNotFound { get; } = Error.NotFound("escalation_ladder.not_found", "督办阶梯不存在。");

    public static Error DuplicateCategoryCode(string code) =>
        Error.Conflict("work_order_category.duplicate_code", $"类别代码“{code}”已被其他类别使用（停用的类别也占用代码）。");

    public static Error DuplicateCategoryName(string name) =>
        Error.Conflict("work_order_category.duplicate_name", $"类别名称“{name}”已被其他类别使用（停用的类别也占用名称）。");

    public static Error DuplicateLadderName(string name) =>
        Error.Conflict("escalation_ladder.duplicate_name", $"督办阶梯名称“{name}”已被使用。");
}
