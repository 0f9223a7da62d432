using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>
/// Who the current user is to one order (<see cref="WorkOrderActor"/>), and whether they may see it at all. Staff see the
/// orders placed in, sent to or handled in their subtrees; members see those sent to them, the open pool of their
/// organization, and what they handle; requesters see their own (by account or by the tracking link). Anything else
/// answers 404.
/// </summary>
public sealed class WorkOrderAccess(AppDbContext db, ICurrentUser user)
{
    private Me? _me;

    public sealed record Me(Guid? UserId, string Name, Guid? PersonId, string? PersonOrganizationPath, bool IsStaff, DataScope Scope);

    public async Task<Me> MeAsync(CancellationToken ct = default)
    {
        if (_me is not null) return _me;
        var scope = await user.GetScopeAsync(ct);
        var isStaff = user.IsStaff();
        if (user.UserId is not { } userId || await user.GetProfileAsync(ct) is not { } profile) return _me = new Me(null, "群众", null, null, false, DataScope.Nothing);
        return _me = new Me(userId, profile.Name, profile.PersonId, profile.PersonOrganizationPath, isStaff, scope);
    }

    public async Task<Actor> WhoAsync(CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        return new Actor(me.UserId, me.Name);
    }

    /// <summary>The order (tracked, for a change) and who the user is to it; 404 when they may not see it.</summary>
    public async Task<Result<(WorkOrder Order, WorkOrderActor Actor)>> FindAsync(long id, CancellationToken ct = default)
    {
        // The order (tracked) with the paths of its three organizations in one query: this runs on every action.
        var organizations = db.Organizations;
        var found = await db.WorkOrders.Where(o => o.Id == id).Select(o => new
        {
            Order = o,
            PlacePath = organizations.Where(x => x.Id == o.PlaceOrganizationId).Select(x => x.Path).FirstOrDefault(),
            AssigneePath = organizations.Where(x => x.Id == o.AssigneeOrganizationId).Select(x => x.Path).FirstOrDefault(),
            HandlerPath = organizations.Where(x => x.Id == o.HandlerOrganizationId).Select(x => x.Path).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        if (found is null) return WorkOrderErrors.NotFound;
        var order = found.Order;
        var paths = new Dictionary<Guid, string>();
        if (found.PlacePath is not null) paths[order.PlaceOrganizationId] = found.PlacePath;
        if (order.AssigneeOrganizationId is { } assignee && found.AssigneePath is not null) paths[assignee] = found.AssigneePath;
        if (order.HandlerOrganizationId is { } handler && found.HandlerPath is not null) paths[handler] = found.HandlerPath;
        var actor = await ActorAsync(order, paths, ct);
        return actor.Visible ? (order, actor.Actor) : WorkOrderErrors.NotFound;
    }

    /// <summary>By the requester's tracking link: the holder of the token is the requester, nothing more.</summary>
    public async Task<Result<WorkOrder>> FindByTokenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 32) return WorkOrderErrors.TrackingNotFound;
        var order = await db.WorkOrders.FirstOrDefaultAsync(o => o.TrackingToken == token, ct);
        return order is null ? WorkOrderErrors.TrackingNotFound : order;
    }

    public async Task<(bool Visible, WorkOrderActor Actor)> ActorAsync(WorkOrder order, CancellationToken ct = default)
    {
        if (user.UserId is null) return (false, WorkOrderActor.None);
        var ids = new[] { order.PlaceOrganizationId, order.AssigneeOrganizationId, order.HandlerOrganizationId }.OfType<Guid>().Distinct().ToList();
        var paths = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        return await ActorAsync(order, paths, ct);
    }

    private async Task<(bool Visible, WorkOrderActor Actor)> ActorAsync(WorkOrder order, Dictionary<Guid, string> paths, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        if (me.UserId is null) return (false, WorkOrderActor.None);
        string? PathOf(Guid? id) => id is { } v && paths.TryGetValue(v, out var p) ? p : null;
        bool Covers(Guid? id) => PathOf(id) is { } p && me.Scope.Covers(p);
        bool PersonUnder(Guid? id) => me.PersonOrganizationPath is { } mine && PathOf(id) is { } p && mine.StartsWith(p, StringComparison.Ordinal);

        var actor = WorkOrderActor.None;
        if (order.SubmittedByUserId == me.UserId || (me.PersonId is not null && order.RequesterPersonId == me.PersonId)) actor |= WorkOrderActor.Requester;
        var dispatcher = me.IsStaff && (Covers(order.PlaceOrganizationId) || Covers(order.AssigneeOrganizationId));
        if (dispatcher) actor |= WorkOrderActor.Dispatcher;

        if (order.Status == WorkOrderStatus.Dispatched)
        {
            var candidate = order.AssigneePersonId is { } assignee
                ? assignee == me.PersonId
                : (order.IsPooled && PersonUnder(order.AssigneeOrganizationId)) || (me.IsStaff && Covers(order.AssigneeOrganizationId));
            if (candidate) actor |= WorkOrderActor.Candidate;
        }

        var handler = (order.HandlerUserId is not null && order.HandlerUserId == me.UserId)
            || (order.HandlerPersonId is not null && order.HandlerPersonId == me.PersonId)
            || (me.IsStaff && order.HandlerOrganizationId is not null && Covers(order.HandlerOrganizationId));
        if (handler && order.Status is WorkOrderStatus.Claimed or WorkOrderStatus.Reopened) actor |= WorkOrderActor.Handler;

        // Seeing without acting: the staff of any organization involved, the handler after the fact, the assignee.
        var visible = actor != WorkOrderActor.None || handler
            || Covers(order.HandlerOrganizationId)
            || (order.AssigneePersonId is not null && order.AssigneePersonId == me.PersonId)
            || (order.IsPooled && PersonUnder(order.AssigneeOrganizationId));
        return (visible, actor);
    }
}
