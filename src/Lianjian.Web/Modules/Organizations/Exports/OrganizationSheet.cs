using Lianjian.Web.Modules.Organizations.UseCases;
using Lianjian.Web.Platform.Exports;

namespace Lianjian.Web.Modules.Organizations.Exports;

/// <summary>The 组织 sheet: one layout for the template, the import and the export, so that an export imports again.</summary>
public static class OrganizationSheet
{
    /// <summary>Rows whose name ends with this are the template's examples and are skipped by the import.</summary>
    public const string ExampleMarker = "（示例）";

    public static readonly ExcelColumn Name = new("组织名称", $"必填，最多{Organization.NameMax}字。以“{ExampleMarker}”结尾的行是模板示例，导入时跳过。", Required: true, Width: 28);

    public static readonly ExcelColumn Kind = new("组织类型", "必填，可填：" + string.Join("、", Enum.GetValues<OrganizationKind>().Select(k => k.Label())) + "。网格的层级（一级至五级）由所在位置自动确定。", Required: true, Width: 12)
    {
        Aliases = ["类型"],
    };

    public static readonly ExcelColumn Parent = new("上级组织", "填上级组织的名称；同名组织不止一个时，写成“上级/名称”（如 长白乡/长白岛三龙村）或填上级的组织代码。可以是本文件前面行新建的组织。只有系统管理员可以留空（新建顶级组织）。", Required: true, Width: 28)
    {
        Aliases = ["上级", "上级组织名称"],
    };

    public static readonly ExcelColumn Code = new("组织代码", "选填，最多50字，如统一社会信用代码或内部编码。", Width: 16);

    public static readonly ExcelColumn Address = new("地址", "选填，最多200字。", Width: 30);

    public static readonly ExcelColumn ContactName = new("联系人", "选填，最多50字。", Width: 12);

    public static readonly ExcelColumn ContactPhone = new("联系电话", "选填，11位手机号或带区号的固定电话（如 0580-2281234）。", Width: 16);

    public static readonly ExcelColumn SortOrder = new("排序号", "选填，0 到 1000000 的整数，越小越靠前；留空为 0。", Width: 10);

    public static readonly ExcelLayout Layout = new("组织", [Name, Kind, Parent, Code, Address, ContactName, ContactPhone, SortOrder]);

    /// <summary>Where the use case's validation messages (by <see cref="OrganizationInput"/> property) go in the sheet.</summary>
    public static readonly IReadOnlyDictionary<string, ExcelColumn> ColumnOfField = new Dictionary<string, ExcelColumn>
    {
        [nameof(OrganizationInput.Name)] = Name,
        [nameof(OrganizationInput.Kind)] = Kind,
        [nameof(OrganizationInput.ParentId)] = Parent,
        [nameof(OrganizationInput.Code)] = Code,
        [nameof(OrganizationInput.Address)] = Address,
        [nameof(OrganizationInput.ContactName)] = ContactName,
        [nameof(OrganizationInput.ContactPhone)] = ContactPhone,
        [nameof(OrganizationInput.SortOrder)] = SortOrder,
    };

    public static readonly IReadOnlyList<string> Notes =
    [
        "第一行是表头，请勿修改列名；从第二行起每行一个组织。",
        "导入是“全部成功或全部不导入”：只要有一行有错，就不会写入任何数据，并列出每一行的错误，改正后重新导入整个文件。",
        "同一上级下已有同名组织的行会被拒绝，以免重复导入。",
        "只能在您管辖范围内的组织下新建组织。",
    ];

    public static object?[] Example(string parentName) =>
        ["第一党小组" + ExampleMarker, OrganizationKind.PartyGroup.Label(), parentName, null, null, "王海波", "13800000000", 1];

    public static bool IsExample(ExcelRow row) => row.Text(Name)?.EndsWith(ExampleMarker, StringComparison.Ordinal) == true;

    public static object?[] ToCells(Organization o, OrganizationLookup lookup) =>
        [o.Name, o.Kind.Label(), lookup.ReferenceTo(o.ParentId), o.Code, o.Address, o.ContactName, o.ContactPhone, o.SortOrder];
}
