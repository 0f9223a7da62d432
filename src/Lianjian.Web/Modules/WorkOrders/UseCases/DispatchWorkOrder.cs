using Lianjian.Web.Modules.Alliances;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>派单 / 转派: to an organization (into its open pool, 抢单, when <see cref="Pool"/>), or to one of its members.</summary>
public sealed record DispatchInput(Guid? OrganizationId, Guid? PersonId = null, bool Pool = false, string? Note = null)
{
    public Validator Validate() => new Validator()
        .Must(OrganizationId is not null || PersonId is not null, nameof(OrganizationId), "请选择承办组织或党员")
        .Must(!(Pool && PersonId is not null), nameof(Pool), "派给个人的工单不能放入抢单池")
        .Text(nameof(Note), Note, WorkOrder.NoteMax, "派单说明");
}

/// <summary>
/// 派单 (from 待派单) and 转派 (from any later open state): the target must be an active organization the dispatcher
/// reaches — in their subtree, or a member of an alliance that also has a member in their subtree (联建 works across
/// trees); committee and system admins reach every organization. A person must be an active member of the target.
/// </summary>
public sealed class DispatchWorkOrder(AppDbContext db, ICurrentUser user, WorkOrderMoves moves)
{
    public Task<Result<WorkOrderStep>> ExecuteAsync(long id, DispatchInput input, CancellationToken ct = default) =>
        RunAsync(id, WorkOrderAction.Dispatch, input, ct);

    internal async Task<Result<WorkOrderStep>> RunAsync(long id, WorkOrderAction action, DispatchInput input, CancellationToken ct)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var target = await ResolveTargetAsync(input, ct);
        if (!target.IsSuccess) return target.Error;
        var (organizationId, personId) = target.Value;
        var note = TextInput.TrimOrNull(input.Note);
        return await moves.ByStaffAsync(id, action,
            (order, actor, who, now) => Task.FromResult(order.Dispatch(action, actor, who, organizationId, personId, input.Pool, note, now)), null, ct);
    }

    private async Task<Result<(Guid OrganizationId, Guid? PersonId)>> ResolveTargetAsync(DispatchInput input, CancellationToken ct)
    {
        Guid? personOrganization = null;
        if (input.PersonId is { } personId)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId && p.IsActive && p.Kind != PersonKind.Resident && p.Kind != PersonKind.Enterprise)
                .Select(p => new { p.OrganizationId }).FirstOrDefaultAsync(ct);
            if (person is null) return WorkOrderErrors.AssigneeNotFound;
            personOrganization = person.OrganizationId;
        }

        var organizationId = input.OrganizationId ?? personOrganization!.Value;
        var target = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId && o.IsActive).Select(o => new { o.Id, o.Path }).FirstOrDefaultAsync(ct);
        if (target is null || !await ReachesAsync(target.Id, target.Path, ct)) return WorkOrderErrors.AssigneeNotFound;
        if (personOrganization is { } po && po != target.Id)
        {
            var personPath = await db.Organizations.Where(o => o.Id == po).Select(o => o.Path).FirstAsync(ct);
            if (!personPath.StartsWith(target.Path, StringComparison.Ordinal)) return WorkOrderErrors.AssigneeNotInOrganization;
        }

        return (target.Id, input.PersonId);
    }

    private async Task<bool> ReachesAsync(Guid organizationId, string path, CancellationToken ct)
    {
        if (user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.CommitteeAdmin)) return true;
        var scope = await user.GetScopeAsync(ct);
        if (scope.Covers(path)) return true;
        var alliances = db.Set<AllianceMember>().Where(m => m.OrganizationId == organizationId).Select(m => m.AllianceId);
        var partners = await db.Set<AllianceMember>().Where(m => alliances.Contains(m.AllianceId))
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => o.Path).ToListAsync(ct);
        return partners.Any(scope.Covers);
    }
}

/// <summary>转派: dispatch again to someone else (the same rules as 派单).</summary>
public sealed class ReassignWorkOrder(DispatchWorkOrder dispatch)
{
    public Task<Result<WorkOrderStep>> ExecuteAsync(long id, DispatchInput input, CancellationToken ct = default) =>
        dispatch.RunAsync(id, WorkOrderAction.Reassign, input, ct);
}
