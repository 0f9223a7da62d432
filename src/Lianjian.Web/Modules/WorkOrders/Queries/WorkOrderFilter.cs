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

    /// <summary>true: only overdue orders, most overdue first (<see cref="WorkOrderSort.MostOverdue"/>); false: only the others.</summary>
    public bool? Overdue { get; init; }

    /// <summary>How the list is ordered: the overdue list most overdue first, every other list newest first.</summary>
    public WorkOrderSort Sort => Overdue == true ? WorkOrderSort.MostOverdue : WorkOrderSort.Newest;

    /// <summary>Submitted on or after this China date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Submitted on or before this China date.</summary>
    public DateOnly? To { get; init; }

    /// <summary>A tracking number, or words of the description or address (two characters or more through the search
    /// index; a single character only among the orders of the last <see cref="SingleCharacterDays"/> days unless
    /// <see cref="From"/> or <see cref="To"/> is given).</summary>
    public string? Text { get; init; }

    /// <summary>Only orders sent to me, handled by me or placed by me (the member's 我的工单).</summary>
    public bool Mine { get; init; }

    /// <summary>Only the open pool (抢单) of my organizations.</summary>
    public bool Pool { get; init; }

    public const int TextMax = 100;

    /// <summary>How far back a one-character search looks when no date range is given (it cannot use the index).</summary>
    public const int SingleCharacterDays = 90;

    public Validator Validate() => new Validator()
        .Text(nameof(Text), Text, TextMax, "搜索内容")
        .Must(From is null || To is null || From <= To, nameof(From), "开始日期不能晚于结束日期")
        .Must(Statuses is null || Statuses.All(Enum.IsDefined), "status", "状态不正确")
        .Must(Kind is null || Enum.IsDefined(Kind.Value), nameof(Kind), "服务类型不正确");
}

/// <summary>The order of a list: newest first, or — for the overdue list — most overdue first.</summary>
public enum WorkOrderSort
{
    /// <summary>By submission time, newest first (then id, descending).</summary>
    Newest,

    /// <summary>By <see cref="WorkOrder.DueAt"/>, earliest (most overdue) first (then id, ascending).</summary>
    MostOverdue,
}

/// <summary>Keyset paging: the last row's sort key (submitted-at or due-at) and id, and which sort it belongs to;
/// opaque to clients.</summary>
public readonly record struct WorkOrderCursor(WorkOrderSort Sort, DateTime At, long Id)
{
    private const string NewestTag = "n";
    private const string MostOverdueTag = "d";

    public string Encode() => Convert.ToBase64String(Encoding.ASCII.GetBytes(
        (Sort == WorkOrderSort.MostOverdue ? MostOverdueTag : NewestTag) + "_" + At.Ticks.ToString(CultureInfo.InvariantCulture) + "_"
        + Id.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? text, out WorkOrderCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80) return false;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split('_');
            // A cursor handed out before the sort was part of it ("ticks_id") belongs to the newest-first list.
            if (parts.Length == 2) parts = [NewestTag, .. parts];
            if (parts.Length != 3 || parts[0] is not (NewestTag or MostOverdueTag)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
            cursor = new WorkOrderCursor(parts[0] == MostOverdueTag ? WorkOrderSort.MostOverdue : WorkOrderSort.Newest, new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
