using Lianjian.Web.Modules.Organizations.Exports;
using Lianjian.Web.Modules.People.Queries;
using Lianjian.Web.Modules.People.UseCases;
using Lianjian.Web.Platform.Exports;

namespace Lianjian.Web.Modules.People.Exports;

/// <summary>The 人员 sheet: one layout for the template, the import and the export, so that an export imports again.</summary>
public static class PersonSheet
{
    public const string ExampleMarker = "（示例）";

    public static readonly ExcelColumn Name = new("姓名", $"党员、领导干部、驻村干部、网格员必填；群众或企业可只填手机号。最多{Person.NameMax}字。以“{ExampleMarker}”结尾的行是模板示例，导入时跳过。", Required: true, Width: 14);

    public static readonly ExcelColumn Kind = new("人员类别", "必填，可填：" + string.Join("、", Enum.GetValues<PersonKind>().Select(k => k.Label())) + "。", Required: true, Width: 12)
    {
        Aliases = ["类别"],
    };

    public static readonly ExcelColumn Organization = new("所属组织", "必填：党员填所在党支部，网格员填所在网格，群众填所在村或社区。同名组织不止一个时写成“上级/名称”（如 长白乡/长白岛三龙村）或填组织代码。须在您的管辖范围内。", Required: true, Width: 24)
    {
        Aliases = ["所属组织名称", "组织"],
    };

    public static readonly ExcelColumn Phone = new("手机号", "选填，11位手机号或带区号的固定电话。请把此列设为“文本”格式。", Width: 16)
    {
        Aliases = ["手机", "联系电话"],
    };

    public static readonly ExcelColumn IdNumber = new("身份证号", "选填，18位（末位可为X），不能与已登记的人员重复。请把此列设为“文本”格式，否则 Excel 会把后几位变成0。", Width: 22)
    {
        Aliases = ["身份证号码"],
    };

    public static readonly ExcelColumn Gender = new("性别", "选填：男、女。", Width: 8);

    public static readonly ExcelColumn BirthDate = new("出生日期", "选填，如 1980-05-01。", Width: 12);

    public static readonly ExcelColumn MemberStatus = new("党员类别", "人员类别为“党员”时必填：正式党员、预备党员、入党积极分子（也可写 正式、预备、积极分子）。", Width: 14);

    public static readonly ExcelColumn JoinedPartyOn = new("入党日期", "选填，如 2005-07-01。", Width: 12);

    public static readonly ExcelColumn IsInService = new("在职党员(是/否)", "选填：是、否；留空为否。在职党员还须到居住社区双报到。", Width: 14)
    {
        Aliases = ["在职党员"],
    };

    public static readonly ExcelColumn Title = new("职务", "选填，最多50字，如 支部书记、第一书记。", Width: 14);

    public static readonly ExcelColumn Skills = new("技能(、分隔)", $"选填，多项用“、”分隔，如 农技、维修；最多{PersonInput.MaxSkillsOrTags}项，每项不超过{PersonInput.SkillMax}字。", Width: 18)
    {
        Aliases = ["技能"],
    };

    public static readonly ExcelColumn Tags = new("标签", "选填，多项用“、”分隔，如 致富能手。", Width: 14);

    public static readonly ExcelColumn Remark = new("备注", "选填，最多500字。", Width: 24);

    public static readonly ExcelLayout Layout = new("人员",
        [Name, Kind, Organization, Phone, IdNumber, Gender, BirthDate, MemberStatus, JoinedPartyOn, IsInService, Title, Skills, Tags, Remark]);

    /// <summary>Where the use case's validation messages (by <see cref="PersonInput"/> property) go in the sheet.</summary>
    public static readonly IReadOnlyDictionary<string, ExcelColumn> ColumnOfField = new Dictionary<string, ExcelColumn>
    {
        [nameof(PersonInput.Name)] = Name,
        [nameof(PersonInput.Kind)] = Kind,
        [nameof(PersonInput.OrganizationId)] = Organization,
        [nameof(PersonInput.Phone)] = Phone,
        [nameof(PersonInput.IdNumber)] = IdNumber,
        [nameof(PersonInput.Gender)] = Gender,
        [nameof(PersonInput.BirthDate)] = BirthDate,
        [nameof(PersonInput.MemberStatus)] = MemberStatus,
        [nameof(PersonInput.JoinedPartyOn)] = JoinedPartyOn,
        [nameof(PersonInput.IsInService)] = IsInService,
        [nameof(PersonInput.Title)] = Title,
        [nameof(PersonInput.Skills)] = Skills,
        [nameof(PersonInput.Tags)] = Tags,
        [nameof(PersonInput.Remark)] = Remark,
    };

    public static readonly IReadOnlyList<string> Notes =
    [
        "第一行是表头，请勿修改列名；从第二行起每行一人。",
        "导入是“全部成功或全部不导入”：只要有一行有错，就不会写入任何数据，并列出每一行的错误，改正后重新导入整个文件。",
        "身份证号不能与文件中其他行或系统中已登记的人员重复。",
        "导出的文件可以直接再导入；若导出时手机号、身份证号已脱敏（含*），这两列须填回完整号码才能导入。",
    ];

    public static object?[] Example(string organizationName) =>
        ["王海波" + ExampleMarker, PersonKind.PartyMember.Label(), organizationName, "13800000000", null, "男", "1980-05-01",
            People.MemberStatus.Formal.Label(), "2005-07-01", "否", "党小组长", "农技、维修", "致富能手", "示例行：导入时自动跳过，可删除"];

    public static bool IsExample(ExcelRow row) => row.Text(Name)?.EndsWith(ExampleMarker, StringComparison.Ordinal) == true;

    public static object?[] ToCells(PersonExportRow row, OrganizationLookup lookup)
    {
        var p = row.Person;
        return
        [
            row.Name, p.KindLabel, lookup.ReferenceTo(p.OrganizationId), p.Phone, p.IdNumber, row.Gender?.Label(), row.BirthDate,
            p.MemberStatus, row.JoinedPartyOn, p.IsInService ? "是" : "否", p.Title, string.Join("、", p.Skills), string.Join("、", p.Tags), row.Remark,
        ];
    }
}
