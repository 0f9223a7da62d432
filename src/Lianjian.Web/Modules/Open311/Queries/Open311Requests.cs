using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Open311.Queries;

/// <summary>
/// One order as GeoReport v2 shows it to anyone: only the fields the spec defines. Never the requester's name, phone
/// or account, never the handler's name — the spec's GET requests is public.
/// </summary>
public sealed record Open311Request(
    string ServiceRequestId,
    string Status,
    string StatusNotes,
    string ServiceName,
    string ServiceCode,
    string Description,
    string? AgencyResponsible,
    string ServiceNotice,
    DateTime RequestedAt,
    DateTime UpdatedAt,
    DateTime ExpectedAt,
    string Address,
    Guid AddressId,
    double? Latitude,
    double? Longitude);

/// <summary>The filters of GET requests.{format} (already parsed and checked).</summary>
public sealed record Open311RequestFilter(
    IReadOnlyList<long>? Ids,
    IReadOnlyList<string>? ServiceCodes,
    DateTime FromUtc,
    DateTime ToUtc,
    bool? Open,
    int Limit);

/// <summary>
/// The read side of GeoReport v2: every order (all channels), newest first. The spec's requests are public, so this
/// query is not scoped to a user — which is why it projects only the public fields of <see cref="Open311Request"/>.
/// </summary>
public sealed class Open311Requests(AppDbContext db)
{
    /// <summary>GeoReport v2: “closed: it has been resolved”. 已办结/已评价/已销号/已驳回/已撤回 are closed; the rest are open.</summary>
    public static string StatusOf(WorkOrderStatus status) => status.IsOpen() ? "open" : "closed";

    public static IReadOnlyList<WorkOrderStatus> Statuses(bool open) => open ? WorkOrderStatusLabels.Open : [.. Enum.GetValues<WorkOrderStatus>().Where(s => !s.IsOpen())];

    public static string Notice(DateTime responseDeadline, DateTime resolutionDeadline) =>
        $"已受理，将于{China(responseDeadline)}前响应，{China(resolutionDeadline)}前办结。";

    private static string China(DateTime utc) => ChinaClock.ToChina(utc).ToString("yyyy年M月d日 HH:mm");

    public async Task<IReadOnlyList<Open311Request>> ListAsync(Open311RequestFilter filter, CancellationToken ct = default)
    {
        var query = db.WorkOrders.AsNoTracking();
        if (filter.Ids is { } requested)
        {
            var ids = requested.ToArray();
            // “This overrides all other arguments.”
            query = query.Where(o => ids.Contains(o.Id));
        }
        else
        {
            query = query.Where(o => o.SubmittedAt >= filter.FromUtc && o.SubmittedAt <= filter.ToUtc);
            if (filter.ServiceCodes is { } requestedCodes)
            {
                var codes = requestedCodes.ToArray();
                var categories = db.WorkOrderCategories.Where(c => codes.Contains(c.Code)).Select(c => c.Id);
                query = query.Where(o => categories.Contains(o.CategoryId));
            }

            if (filter.Open is { } open)
            {
                var statuses = Statuses(open).ToArray();
                query = query.Where(o => statuses.Contains(o.Status));
            }
        }

        var orders = await query.OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id).Take(filter.Limit).ToListAsync(ct);
        return await ProjectAsync(orders, ct);
    }

    /// <summary>One order by its tracking number (GD-yyyyMMdd-id); the date part must match the order.</summary>
    public async Task<Open311Request?> ByNumberAsync(string number, CancellationToken ct = default)
    {
        if (!WorkOrder.TryParseNumber(number, out var id, out _)) return null;
        var order = await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || !string.Equals(order.Number, number.Trim(), StringComparison.OrdinalIgnoreCase)) return null;
        return (await ProjectAsync([order], ct))[0];
    }

    /// <summary>GET tokens/{token}: the tracking token handed out at submission gives back the request id.</summary>
    public async Task<string?> NumberByTokenAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 32) return null;
        var order = await db.WorkOrders.AsNoTracking().Where(o => o.TrackingToken == token)
            .Select(o => new { o.Id, o.SubmittedAt }).FirstOrDefaultAsync(ct);
        return order is null ? null : WorkOrder.FormatNumber(order.SubmittedAt, order.Id);
    }

    private async Task<IReadOnlyList<Open311Request>> ProjectAsync(IReadOnlyList<WorkOrder> orders, CancellationToken ct)
    {
        if (orders.Count == 0) return [];
        var categoryIds = orders.Select(o => o.CategoryId).Distinct().ToList();
        var categories = await db.WorkOrderCategories.AsNoTracking().Where(c => categoryIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new { c.Code, c.Name }, ct);
        var orgIds = orders.Select(o => o.PlaceOrganizationId).Concat(orders.Select(o => o.AssigneeOrganizationId).OfType<Guid>()).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. orders.Select(o =>
        {
            var category = categories[o.CategoryId];
            var place = names.GetValueOrDefault(o.PlaceOrganizationId, "");
            return new Open311Request(
                o.Number, StatusOf(o.Status), $"{o.Status.ToPublic().Label()}（{o.Status.Label()}）", category.Name, category.Code, o.Description,
                o.AssigneeOrganizationId is { } assignee ? names.GetValueOrDefault(assignee) : null,
                Notice(o.ResponseDeadline, o.ResolutionDeadline), o.SubmittedAt, o.UpdatedAt, o.ResolutionDeadline,
                string.IsNullOrEmpty(o.Address) ? place : $"{o.Address}，{place}", o.PlaceOrganizationId, o.Latitude, o.Longitude);
        })];
    }
}
