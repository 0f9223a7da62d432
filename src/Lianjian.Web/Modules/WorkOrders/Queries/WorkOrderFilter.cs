using System.Globalization;
using System.Text;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.Queries;

/// <summary>Which orders a list shows: how the users of PRODUCT.md ask (one filter feeds the grid, the API and the export).</summary>
public sealed record WorkOrderFilter
{
    public IReadOnlyList<WorkOrderStatus>? Statuses { get; init; }

    public Guid? CategoryId { get; init; }

    public CategoryKind? Kind { get; init; }

    /// <summary>Orders placed in this organization's subtree.</summary>
    public Guid? OrganizationId { get; init; }

    public bool? Overdue { get; init; }

    /// <summary>Submitted on or after this China date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Submitted on or before this China date.</summary>
    public DateOnly? To { get; init; }

    /// <summary>A tracking number, or words of the description or address.</summary>
    public string? Text { get; init; }

    /// <summary>Only orders sent to me, handled by me or placed by me (the member's 我的工单).</summary>
    public bool Mine { get; init; }

    /// <summary>Only the open pool (抢单) of my organizations.</summary>
    public bool Pool { get; init; }

    public const int TextMax = 100;

    public Validator Validate() => new Validator()
        .Text(nameof(Text), Text, TextMax, "搜索内容")
        .Must(From is null || To is null || From <= To, nameof(From), "开始日期不能晚于结束日期")
        .Must(Statuses is null || Statuses.All(Enum.IsDefined), "status", "状态不正确")
        .Must(Kind is null || Enum.IsDefined(Kind.Value), nameof(Kind), "服务类型不正确");
}

/// <summary>Keyset paging: newest first; the cursor is the last row's (submitted-at, id), opaque to clients.</summary>
public readonly record struct WorkOrderCursor(DateTime SubmittedAt, long Id)
{
    public string Encode() => Convert.ToBase64String(Encoding.ASCII.GetBytes(
        SubmittedAt.Ticks.ToString(CultureInfo.InvariantCulture) + "_" + Id.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? text, out WorkOrderCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 60) return false;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split('_');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
            cursor = new WorkOrderCursor(new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
