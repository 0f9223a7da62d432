using System.Text.RegularExpressions;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>The editable fields of a service category (lengths as in CategoryConfiguration).</summary>
public sealed partial record CategoryInput(
    string? Code,
    string? Name,
    CategoryKind? Kind,
    TimeLimit? ResponseLimit,
    TimeLimit? ResolutionLimit,
    Guid? EscalationLadderId,
    string? Description = null,
    int SortOrder = 0)
{
    public const int MaxSortOrder = 9999;

    // Open311's service_code and a URL segment: plain ASCII keeps it the same in every client.
    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex CodePattern();

    public Validator Validate()
    {
        var v = new Validator()
            .Text(nameof(Code), Code, Category.CodeMax, "类别代码", required: true)
            .Must(string.IsNullOrWhiteSpace(Code) || CodePattern().IsMatch(Code.Trim()), nameof(Code), "类别代码只能由小写字母、数字和“-”组成")
            .Text(nameof(Name), Name, Category.NameMax, "类别名称", required: true)
            .Text(nameof(Description), Description, Category.DescriptionMax, "说明")
            .Must(EscalationLadderId is not null, nameof(EscalationLadderId), "请选择督办阶梯")
            .Range(nameof(SortOrder), SortOrder, 0, MaxSortOrder, "排序号");
        if (Kind is not { } kind) v.Add(nameof(Kind), "请选择服务种类");
        else v.Must(Enum.IsDefined(kind), nameof(Kind), "服务种类不正确");
        CheckLimit(v, nameof(ResponseLimit), ResponseLimit, "响应时限");
        CheckLimit(v, nameof(ResolutionLimit), ResolutionLimit, "办结时限");
        return v;
    }

    private static void CheckLimit(Validator v, string field, TimeLimit? limit, string label)
    {
        if (limit is not { } l) v.Add(field, $"请填写{label}");
        else if (!Enum.IsDefined(l.Unit)) v.Add(field, $"{label}的单位只能是小时或工作日");
        else if (!l.IsValid)
            v.Add(field, l.Unit == TimeLimitUnit.Hours
                ? $"{label}应在1到{TimeLimit.MaxHours}小时之间"
                : $"{label}应在1到{TimeLimit.MaxWorkingDays}个工作日之间");
    }
}

/// <summary>
/// 新建 / 修改服务类别. Code and name stay unique across active and inactive categories, because orders and Open311
/// clients keep pointing at them. Only system and committee admins edit the dictionary.
/// </summary>
public sealed class SaveCategory(AppDbContext db, ICurrentUser user, CategoryCache cache)
{
    public Task<Result<Guid>> CreateAsync(CategoryInput input, CancellationToken ct = default) => ExecuteAsync(null, input, ct);

    public Task<Result<Guid>> UpdateAsync(Guid id, CategoryInput input, CancellationToken ct = default) => ExecuteAsync(id, input, ct);

    private async Task<Result<Guid>> ExecuteAsync(Guid? id, CategoryInput input, CancellationToken ct)
    {
        if (!DictionaryAccess.MayEdit(user)) return DictionaryErrors.OnlyAdmins;
        Category? category = null;
        if (id is { } existing)
        {
            category = await db.WorkOrderCategories.FirstOrDefaultAsync(c => c.Id == existing, ct);
            if (category is null) return DictionaryErrors.CategoryNotFound;
        }

        var validation = input.Validate();
        if (validation.IsValid && !await db.EscalationLadders.AnyAsync(l => l.Id == input.EscalationLadderId, ct))
            validation.Add(nameof(CategoryInput.EscalationLadderId), "所选督办阶梯不存在");
        if (!validation.IsValid) return validation.ToError();

        var code = input.Code!.Trim();
        var name = input.Name!.Trim();
        if (await db.WorkOrderCategories.AnyAsync(c => c.Code == code && c.Id != id, ct)) return DictionaryErrors.DuplicateCategoryCode(code);
        if (await db.WorkOrderCategories.AnyAsync(c => c.Name == name && c.Id != id, ct)) return DictionaryErrors.DuplicateCategoryName(name);

        if (category is null)
        {
            category = new Category { Id = Guid.CreateVersion7() };
            db.WorkOrderCategories.Add(category);
        }

        category.Code = code;
        category.Name = name;
        category.Kind = input.Kind!.Value;
        category.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        category.ResponseLimit = input.ResponseLimit!.Value;
        category.ResolutionLimit = input.ResolutionLimit!.Value;
        category.EscalationLadderId = input.EscalationLadderId!.Value;
        category.SortOrder = input.SortOrder;
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return category.Id;
    }
}

internal static class DictionaryAccess
{
    public static bool MayEdit(ICurrentUser user) => user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.CommitteeAdmin);
}
