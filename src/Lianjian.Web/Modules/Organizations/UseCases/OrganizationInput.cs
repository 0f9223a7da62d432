using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Organizations.UseCases;

/// <summary>The editable fields of an organization, shared by create, update and import.</summary>
public sealed record OrganizationInput(
    string? Name,
    OrganizationKind? Kind,
    Guid? ParentId,
    string? Code = null,
    string? Address = null,
    string? ContactName = null,
    string? ContactPhone = null,
    string? Description = null,
    int SortOrder = 0)
{
    /// <param name="requireKind">False on update: kind and place in the tree change only by moving.</param>
    public Validator Validate(bool requireKind = true) => new Validator()
        .Text(nameof(Name), Name, Organization.NameMax, "组织名称", required: true)
        .Must(Kind is not null || !requireKind, nameof(Kind), "请选择组织类型")
        .Text(nameof(Code), Code, 50, "组织代码")
        .Text(nameof(Address), Address, 200, "地址")
        .Text(nameof(ContactName), ContactName, 50, "联系人")
        .Text(nameof(ContactPhone), ContactPhone, 20, "联系电话")
        .Phone(nameof(ContactPhone), ContactPhone, "联系电话")
        .Text(nameof(Description), Description, 2000, "简介")
        .Range(nameof(SortOrder), SortOrder, 0, 1_000_000, "排序号");
}
