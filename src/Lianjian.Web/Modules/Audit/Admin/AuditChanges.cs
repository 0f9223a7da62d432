using System.Globalization;
using System.Text.Json;
using Lianjian.Web.Modules.Alliances;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Results;
using Lianjian.Web.Ui.Shared;

namespace Lianjian.Web.Modules.Audit.Admin;

/// <summary>One changed property of an audit entry, ready to read: Chinese name, before and after as text.</summary>
public sealed record AuditChange(string Property, string Label, string? Before, string? After);

/// <summary>
/// Turns an audit entry's Changes JSON (property → [before, after], written by the AuditInterceptor) into lines a person
/// can read: Chinese property names, enum labels instead of numbers, China time, organization names instead of ids.
/// </summary>
public static class AuditChanges
{
    /// <summary>Properties that follow from others (tree path, depth) or mean nothing to a reader.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "Id", "Path", "Depth", "CreatedAt", "ScopeOrganizationId", "AllianceId", "PersonId", "DocumentStoredName", "DocumentContentType", "UserId",
    };

    /// <summary>Properties holding an organization id, shown by the organization's name.</summary>
    public static readonly HashSet<string> OrganizationIdProperties = new(StringComparer.Ordinal)
    {
        "ParentId", "OrganizationId", "LeadOrganizationId", "VillageId", "CommunityId",
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Name"] = "名称", ["Kind"] = "类型", ["GridLevel"] = "网格层级", ["ParentId"] = "上级组织", ["Code"] = "组织代码", ["Address"] = "地址",
        ["ContactName"] = "联系人", ["ContactPhone"] = "联系电话", ["Description"] = "简介", ["SortOrder"] = "排序号", ["IsActive"] = "状态",
        ["DeactivatedAt"] = "停用时间", ["Gender"] = "性别", ["BirthDate"] = "出生日期", ["Phone"] = "手机号", ["IdNumber"] = "身份证号",
        ["OrganizationId"] = "所属组织", ["MemberStatus"] = "党员类别", ["JoinedPartyOn"] = "入党日期", ["IsInService"] = "在职党员", ["Title"] = "职务",
        ["Skills"] = "技能", ["Tags"] = "标签", ["Remark"] = "备注", ["VillageId"] = "驻村", ["StartsOn"] = "开始日期", ["EndsOn"] = "结束日期",
        ["CommunityId"] = "报到社区", ["RegisteredOn"] = "报到日期", ["Post"] = "岗位", ["LeadOrganizationId"] = "牵头组织", ["FoundedOn"] = "成立日期",
        ["JoinedOn"] = "加入日期", ["Role"] = "角色", ["Terms"] = "协议条款", ["Status"] = "阶段", ["NegotiationStartedOn"] = "谈约日期",
        ["SignedOn"] = "签约日期", ["PerformanceStartedOn"] = "履约开始日期", ["EvaluatedOn"] = "评约日期", ["ValidUntil"] = "有效期至",
        ["EvaluationResult"] = "评约结果", ["EvaluationRemark"] = "评语", ["DocumentFileName"] = "协议附件", ["HeldAt"] = "会议时间", ["Place"] = "地点",
        ["Topic"] = "议题", ["Attendees"] = "参会单位", ["Minutes"] = "会议纪要", ["Decisions"] = "会议决定",
        ["Year"] = "年度", ["Date"] = "日期", ["Source"] = "来源通知", ["EnteredAt"] = "录入时间", ["EnteredByName"] = "录入人",
    };

    /// <param name="maskPersonalData">Masks phone and ID numbers as the people list does for roles that do not need them.</param>
    public static IReadOnlyList<AuditChange> Parse(string entityType, string json, IReadOnlyDictionary<Guid, string>? organizationNames = null, bool maskPersonalData = true)
    {
        var changes = new List<AuditChange>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return [new AuditChange("", "变更内容", null, json)];
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return changes;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (Hidden.Contains(property.Name)) continue;
                var pair = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : [];
                var before = pair.Count > 0 ? Format(entityType, property.Name, pair[0], organizationNames) : null;
                var after = pair.Count > 1 ? Format(entityType, property.Name, pair[1], organizationNames) : null;
                if (string.IsNullOrEmpty(before) && string.IsNullOrEmpty(after)) continue;
                if (maskPersonalData && entityType == "Person" && property.Name is "Phone" or "IdNumber")
                {
                    Func<string?, string?> mask = property.Name == "Phone" ? PersonalData.MaskPhone : PersonalData.MaskIdNumber;
                    (before, after) = (mask(before), mask(after));
                }

                changes.Add(new AuditChange(property.Name, Label(entityType, property.Name), NullIfEmpty(before), NullIfEmpty(after)));
            }
        }

        // Name and kind first, then the order of the labels above (EF lists properties alphabetically).
        return changes.OrderBy(c => Array.IndexOf(Order, c.Property) is var i and >= 0 ? i : int.MaxValue).ToList();
    }

    /// <summary>The organization ids mentioned in the entry, to be looked up once for a whole page.</summary>
    public static IEnumerable<Guid> OrganizationIds(string json)
    {
        List<Guid> ids = [];
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return ids;
            foreach (var property in document.RootElement.EnumerateObject().Where(p => OrganizationIdProperties.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.Array))
            {
                foreach (var value in property.Value.EnumerateArray())
                {
                    if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)) ids.Add(id);
                }
            }
        }
        catch (JsonException)
        {
        }

        return ids;
    }

    private static readonly string[] Order = [.. Labels.Keys];

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string Label(string entityType, string property) => (entityType, property) switch
    {
        ("Person", "Name") => "姓名",
        ("Person", "Kind") => "人员类别",
        ("Agreement", "Title") => "协议名称",
        ("StationedPeriod", "Kind") => "驻村方式",
        ("CalendarDay", "Kind") => "放假/上班",
        _ => Labels.GetValueOrDefault(property, property),
    };

    private static string? Format(string entityType, string property, JsonElement value, IReadOnlyDictionary<Guid, string>? names)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.True or JsonValueKind.False:
                var flag = value.GetBoolean();
                return property == "IsActive" ? (flag ? "在用" : "停用") : (flag ? "是" : "否");
            case JsonValueKind.Number when EnumLabel(entityType, property, value.GetRawText()) is { } label:
                return label;
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.String:
                var text = value.GetString() ?? "";
                if (EnumLabel(entityType, property, text) is { } named) return named;
                if (OrganizationIdProperties.Contains(property) && Guid.TryParse(text, out var id))
                    return names?.GetValueOrDefault(id) ?? $"（组织 {text[..8]}…）";
                if (text.Length > 10 && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                    return ChinaTime.Minutes(at);
                return text;
            default:
                return value.GetRawText();
        }
    }

    private static string? EnumLabel(string entityType, string property, string raw) => (entityType, property) switch
    {
        ("Organization", "Kind") => Parse<OrganizationKind>(raw)?.Label(),
        ("Person", "Kind") => Parse<PersonKind>(raw)?.Label(),
        ("Person", "MemberStatus") => Parse<MemberStatus>(raw)?.Label(),
        ("Person", "Gender") => Parse<Gender>(raw)?.Label(),
        ("StationedPeriod", "Kind") => Parse<StationingKind>(raw)?.Label(),
        ("Alliance", "Kind") => Parse<AllianceKind>(raw)?.Label(),
        ("Agreement", "Status") => Parse<AgreementStatus>(raw)?.Label(),
        ("Agreement", "EvaluationResult") => Parse<EvaluationResult>(raw)?.Label(),
        ("CalendarDay", "Kind") => Parse<CalendarDayKind>(raw)?.Label(),
        _ => null,
    };

    private static T? Parse<T>(string raw) where T : struct, Enum =>
        int.TryParse(raw, out var number) && Enum.IsDefined(typeof(T), number) ? (T)(object)number
        : Enum.TryParse<T>(raw, ignoreCase: false, out var named) && Enum.IsDefined(named) ? named
        : null;
}
