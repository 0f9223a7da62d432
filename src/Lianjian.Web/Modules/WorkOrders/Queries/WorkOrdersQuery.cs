using System.Linq.Expressions;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.Queries;

public sealed record WorkOrderRow(
    long Id,
    string Number,
    WorkOrderStatus Status,
    string StatusLabel,
    Guid CategoryId,
    string CategoryName,
    CategoryKind CategoryKind,
    string Description,
    Guid PlaceOrganizationId,
    string PlaceName,
    string? Address,
    string? AssigneeName,
    string? HandlerName,
    bool IsPooled,
    string? RequesterName,
    string? RequesterPhone,
    WorkOrderChannel Channel,
    DateTime SubmittedAt,
    DateTime? RespondedAt,
    DateTime? ResolvedAt,
    DateTime ResponseDeadline,
    DateTime ResolutionDeadline,
    DateTime? DueAt,
    bool IsOverdue,
    int EscalationLevel,
    int? Rating,
    Guid ResponsibleOrganizationId,
    string ResponsibleOrganizationName);

/// <summary>One page of orders, newest first (the overdue list: most overdue first), with the cursor of the next page and (on request) the counts per status.</summary>
public sealed record WorkOrderPage(IReadOnlyList<WorkOrderRow> Items, string? NextCursor, IReadOnlyDictionary<WorkOrderStatus, int>? CountsByStatus);

/// <summary>
/// The work-order list: the back office grid, <c>GET /api/work-orders</c>, the member's 我的工单 and the Excel export
/// all read it. What a user sees: staff — the orders placed in or sent into their subtrees; everyone — what was sent
/// to them, what they handle, what they placed, and the open pool of their organizations.
/// </summary>
public sealed class WorkOrdersQuery(AppDbContext db, WorkOrderAccess access, TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    public async Task<Result<WorkOrderPage>> ListAsync(WorkOrderFilter filter, string? cursor, int? pageSize, bool withCounts, CancellationToken ct = default)
    {
        var validation = filter.Validate();
        if (!validation.IsValid) return validation.ToError();
        WorkOrderCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!WorkOrderCursor.TryDecode(cursor, out var decoded)) return Error.Validation("work_order.bad_cursor", "翻页参数不正确，请从第一页重新查询。");
            after = decoded;
            if (decoded.Sort != filter.Sort)
                return Error.Validation("work_order.cursor_sort_mismatch", "翻页参数属于另一种排序（超时工单按超时时长排序），请从第一页重新查询。");
        }

        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var filtered = await FilterAsync(filter, ct);
        if (!filtered.IsSuccess) return filtered.Error;
        var (query, totals, byId) = filtered.Value;
        IReadOnlyDictionary<WorkOrderStatus, int>? counts = null;
        if (withCounts)
        {
            // A whole subtree (no other filter): add up the maintained per-place counts instead of reading its history.
            counts = totals is not null
                ? await totals.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Sum(c => c.Count) }).Where(x => x.Count > 0)
                    .ToDictionaryAsync(x => x.Key, x => x.Count, ct)
                : await query.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        }

        if (filter.Statuses is { Count: > 0 } statuses) query = query.Where(o => statuses.Contains(o.Status));
        if (after is { Sort: WorkOrderSort.MostOverdue } d) query = query.Where(o => o.DueAt > d.At || (o.DueAt == d.At && o.Id > d.Id));
        else if (after is { } i && byId) query = query.Where(o => o.Id < i.Id);
        else if (after is { } a) query = query.Where(o => o.SubmittedAt < a.At || (o.SubmittedAt == a.At && o.Id < a.Id));
        var rows = await Project(Sorted(query, filter.Sort, byId).Take(size + 1)).ToListAsync(ct);
        var last = rows.Count > size ? rows[size - 1] : null;
        var next = last is null ? null
            : new WorkOrderCursor(filter.Sort, filter.Sort == WorkOrderSort.MostOverdue ? last.DueAt ?? default : last.SubmittedAt, last.Id).Encode();
        var me = await access.MeAsync(ct);
        return new WorkOrderPage([.. rows.Take(size).Select(r => Finish(r, me))], next, counts);
    }

    /// <summary>Newest first; the overdue list most overdue first (it walks the index on DueAt and stops after a page).
    /// A text search through the index is newest first by id — ids are given in order of submission, so it is the same
    /// order, and the engine reads the matching ids in order and stops after a page instead of sorting them all.</summary>
    private static IOrderedQueryable<WorkOrder> Sorted(IQueryable<WorkOrder> query, WorkOrderSort sort, bool byId) =>
        sort == WorkOrderSort.MostOverdue ? query.OrderBy(o => o.DueAt).ThenBy(o => o.Id)
        : byId ? query.OrderByDescending(o => o.Id)
        : query.OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id);

    /// <summary>Every row of a filter, for the Excel export (bounded by the caller).</summary>
    /// <summary>
    /// The rows of orders already known to be in the user's reach (ids from the statistics' shared copies), in the order
    /// of <paramref name="ids"/>; an id out of scope or gone is left out.
    /// </summary>
    public async Task<IReadOnlyList<WorkOrderRow>> RowsAsync(IReadOnlyList<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        var me = await access.MeAsync(ct);
        var query = db.WorkOrders.AsNoTracking().Where(o => ids.Contains(o.Id));
        if (!me.Scope.IsUnrestricted)
        {
            var places = db.Organizations.InScope(me.Scope);
            query = query.Where(o => places.Any(p => p.Id == o.PlaceOrganizationId));
        }

        var rows = (await Project(query).ToListAsync(ct)).Select(r => Finish(r, me)).ToDictionary(r => r.Id);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    public async Task<Result<IReadOnlyList<WorkOrderRow>>> AllAsync(WorkOrderFilter filter, int max, CancellationToken ct = default)
    {
        var validation = filter.Validate();
        if (!validation.IsValid) return validation.ToError();
        var filtered = await FilterAsync(filter, ct);
        if (!filtered.IsSuccess) return filtered.Error;
        var query = filtered.Value.Query;
        if (filter.Statuses is { Count: > 0 } statuses) query = query.Where(o => statuses.Contains(o.Status));
        var rows = await Project(Sorted(query, filter.Sort, filtered.Value.ById).Take(max)).ToListAsync(ct);
        var me = await access.MeAsync(ct);
        return rows.Select(r => Finish(r, me)).ToList();
    }

    /// <summary>The filtered orders, and — when the filter is a whole subtree the user covers (or everything, for an
    /// unrestricted admin) and nothing else but statuses — the <see cref="WorkOrderCount"/> rows that count them.</summary>
    private async Task<Result<(IQueryable<WorkOrder> Query, IQueryable<WorkOrderCount>? Totals, bool ById)>> FilterAsync(WorkOrderFilter filter, CancellationToken ct)
    {
        var me = await access.MeAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var orders = db.WorkOrders.AsNoTracking();
        var myId = me.UserId;
        var myPerson = me.PersonId;
        var myAncestors = AncestorIds(me.PersonOrganizationPath);

        IQueryable<WorkOrder> Personal(IQueryable<WorkOrder> q) => q.Where(o =>
            (myPerson != null && (o.AssigneePersonId == myPerson || o.HandlerPersonId == myPerson || o.RequesterPersonId == myPerson))
            || (myId != null && (o.HandlerUserId == myId || o.SubmittedByUserId == myId)));

        IQueryable<WorkOrder> PoolOf(IQueryable<WorkOrder> q) => q.Where(o =>
            o.IsPooled && o.Status == WorkOrderStatus.Dispatched && o.AssigneeOrganizationId != null && myAncestors.Contains(o.AssigneeOrganizationId.Value));

        IQueryable<WorkOrder> query;
        IQueryable<Guid>? totalsUnder = null;
        if (filter.Pool) query = PoolOf(orders);
        else if (filter.Mine) query = Personal(orders);
        else if (me.IsStaff && me.Scope.IsUnrestricted) query = orders;
        else if (me.IsStaff)
        {
            var inScope = db.Organizations.InScope(me.Scope).Select(o => o.Id);
            query = orders.Where(o => inScope.Contains(o.PlaceOrganizationId)
                || (o.AssigneeOrganizationId != null && inScope.Contains(o.AssigneeOrganizationId.Value))
                || (o.HandlerOrganizationId != null && inScope.Contains(o.HandlerOrganizationId.Value))
                || (myPerson != null && (o.AssigneePersonId == myPerson || o.HandlerPersonId == myPerson))
                || (myId != null && (o.HandlerUserId == myId || o.SubmittedByUserId == myId)));
        }
        else query = Personal(orders).Union(PoolOf(orders));

        if (filter.OrganizationId is { } under)
        {
            var path = await db.Organizations.Where(o => o.Id == under).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null || (!me.Scope.Covers(path) && !filter.Mine && !filter.Pool)) return Error.NotFound("organization.not_found", "组织不存在，或不在您的管辖范围内。");
            var subtree = db.Organizations.Under(path).Select(o => o.Id);
            // Staff asking for a subtree they cover: every order placed there is in their scope already, so the scope's
            // predicate (three more subtree lists and an OR the engine cannot use an index for) is dropped (bench/README.md).
            var covered = me.IsStaff && !filter.Mine && !filter.Pool && me.Scope.Covers(path);
            // The overdue list walks the DueAt index most overdue first: the subtree is then a per-row check (EXISTS on
            // the organization's primary key), so the engine cannot prefer the place index, read the whole subtree's
            // history and sort it (2.9 s instead of a few ms at 1.15M orders; bench/README.md "List filters").
            var places = db.Organizations.Under(path);
            query = filter.Sort == WorkOrderSort.MostOverdue
                ? (covered ? orders : query).Where(o => places.Any(x => x.Id == o.PlaceOrganizationId))
                : (covered ? orders : query).Where(o => subtree.Contains(o.PlaceOrganizationId));
            if (covered) totalsUnder = subtree;
        }

        var onlyPlace = !filter.Mine && !filter.Pool && filter.CategoryId is null && filter.Kind is null && filter.From is null
            && filter.To is null && filter.Overdue is null && string.IsNullOrWhiteSpace(filter.Text);
        IQueryable<WorkOrderCount>? totals = null;
        if (onlyPlace && me.IsStaff)
        {
            if (totalsUnder is not null) totals = db.Set<WorkOrderCount>().Where(c => totalsUnder.Contains(c.PlaceOrganizationId));
            else if (filter.OrganizationId is null && me.Scope.IsUnrestricted) totals = db.Set<WorkOrderCount>();
        }

        if (filter.CategoryId is { } categoryId) query = query.Where(o => o.CategoryId == categoryId);
        if (filter.Kind is { } kind)
        {
            var ofKind = db.WorkOrderCategories.Where(c => c.Kind == kind).Select(c => c.Id);
            query = query.Where(o => ofKind.Contains(o.CategoryId));
        }

        if (filter.From is { } from)
        {
            var fromUtc = ChinaClock.StartOfDayUtc(from);
            query = query.Where(o => o.SubmittedAt >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = ChinaClock.StartOfDayUtc(to.AddDays(1));
            query = query.Where(o => o.SubmittedAt < toUtc);
        }

        if (filter.Overdue is { } overdue)
        {
            var isOverdue = WorkOrder.OverdueAt(now);
            query = overdue ? query.Where(isOverdue) : query.Where(Expression.Lambda<Func<WorkOrder, bool>>(Expression.Not(isOverdue.Body), isOverdue.Parameters));
        }

        var byId = false;
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            if (WorkOrder.TryParseNumber(text, out var id, out _)) query = query.Where(o => o.Id == id);
            else
            {
                var phrases = TextTerms.Phrases(text, out _);
                if (phrases.Count > 0)
                {
                    query = query.Where(o => Matching(phrases).Contains(o.Id));
                    byId = true;
                }

                else if (filter.From is null && filter.To is null)
                {
                    // One character: no index can answer it; look only at recent orders unless a date range says otherwise.
                    var since = ChinaClock.StartOfDayUtc(DateOnly.FromDateTime(ChinaClock.ToChina(now)).AddDays(-WorkOrderFilter.SingleCharacterDays));
                    query = query.Where(o => o.SubmittedAt >= since);
                }

                // The index finds the candidates (every term present); the exact text is checked on the row.
                query = query.Where(o => o.Description.Contains(text) || (o.Address != null && o.Address.Contains(text)));
            }
        }

        return Result<(IQueryable<WorkOrder>, IQueryable<WorkOrderCount>?, bool)>.Ok((query, totals, byId));
    }

    /// <summary>
    /// The ids of the orders whose search terms contain every phrase — the one provider-specific piece of the list
    /// (docs/decisions/0009-work-order-list-filters.md). SQLite: the FTS5 table <c>WorkOrderSearch</c> over
    /// <see cref="WorkOrder.SearchTerms"/>, each run of the text as a phrase (its pairs adjacent, in order).
    /// PostgreSQL: the GIN index on <c>string_to_array("SearchTerms", ' ')</c>, every term present.
    /// </summary>
    private IQueryable<long> Matching(IReadOnlyList<IReadOnlyList<string>> phrases)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // Terms are letters and digits only (TextTerms), so a double-quoted phrase needs no escaping.
            var match = string.Join(' ', phrases.Select(p => "\"" + string.Join(' ', p) + "\""));
            return db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"WorkOrderSearch\" WHERE \"WorkOrderSearch\" MATCH {match}");
        }

        var terms = phrases.SelectMany(p => p).Distinct().ToArray();
        return db.Database.SqlQuery<long>($"SELECT \"Id\" AS \"Value\" FROM \"WorkOrders\" WHERE string_to_array(\"SearchTerms\", ' ') @> {terms}");
    }

    /// <summary>The ids of the organizations on an ancestor path (its segments are ids).</summary>
    internal static List<Guid> AncestorIds(string? path) =>
        path is null ? [] : [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParseExact(s, "N", out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)];

    private IQueryable<WorkOrderRow> Project(IQueryable<WorkOrder> query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var categories = db.WorkOrderCategories;
        var organizations = db.Organizations;
        var people = db.People;
        return query.Select(o => new WorkOrderRow(
            o.Id, "", o.Status, "", o.CategoryId,
            categories.Where(c => c.Id == o.CategoryId).Select(c => c.Name).FirstOrDefault() ?? "",
            categories.Where(c => c.Id == o.CategoryId).Select(c => c.Kind).FirstOrDefault(),
            o.Description.Length > 120 ? o.Description.Substring(0, 120) + "…" : o.Description,
            o.PlaceOrganizationId,
            organizations.Where(x => x.Id == o.PlaceOrganizationId).Select(x => x.Name).FirstOrDefault() ?? "",
            o.Address,
            o.AssigneePersonId != null
                ? people.Where(p => p.Id == o.AssigneePersonId).Select(p => p.Name).FirstOrDefault()
                : organizations.Where(x => x.Id == o.AssigneeOrganizationId).Select(x => x.Name).FirstOrDefault(),
            o.HandlerName,
            o.IsPooled,
            o.RequesterName,
            o.RequesterPhone,
            o.Channel,
            o.SubmittedAt,
            o.RespondedAt,
            o.ResolvedAt,
            o.ResponseDeadline,
            o.ResolutionDeadline,
            o.DueAt,
            false, // IsOverdue: set in Finish from the row's DueAt (WorkOrder.IsOverdueAt)
            o.EscalationLevel,
            o.Rating,
            o.HandlerOrganizationId ?? o.AssigneeOrganizationId ?? o.PlaceOrganizationId,
            organizations.Where(x => x.Id == (o.HandlerOrganizationId ?? o.AssigneeOrganizationId ?? o.PlaceOrganizationId)).Select(x => x.Name).FirstOrDefault() ?? ""));
    }

    private WorkOrderRow Finish(WorkOrderRow row, WorkOrderAccess.Me me) => row with
    {
        IsOverdue = WorkOrder.IsOverdueAt(row.DueAt, clock.GetUtcNow().UtcDateTime),
        Number = WorkOrder.FormatNumber(row.SubmittedAt, row.Id),
        StatusLabel = row.Status.Label(),
        RequesterName = me.IsStaff ? row.RequesterName : PersonalData.MaskName(row.RequesterName),
        RequesterPhone = PersonalData.MaskPhone(row.RequesterPhone),
    };
}
