using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Auditing;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Audit.Queries;

public sealed record AuditFilter(string? User = null, string? EntityType = null, string? EntityId = null, string? Action = null,
    DateTime? From = null, DateTime? To = null, int? Page = null, int? PageSize = null);

public sealed record AuditRow(long Id, DateTime At, string UserName, string Action, string EntityType, string EntityId, string? EntityLabel, string Changes);

/// <summary>The audit log, limited to changes within the viewer's scope (a system admin sees everything).</summary>
public sealed class AuditQuery(AppDbContext db, ICurrentUser user)
{
    public async Task<Page<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!scope.IsUnrestricted)
        {
            var inScope = db.Organizations.InScope(scope).Select(o => (Guid?)o.Id);
            query = query.Where(e => inScope.Contains(e.ScopeOrganizationId));
        }

        if (!string.IsNullOrWhiteSpace(filter.User)) query = query.Where(e => e.UserName.Contains(filter.User.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(e => e.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.EntityId)) query = query.Where(e => e.EntityId == filter.EntityId);
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(e => e.Action == filter.Action);
        if (filter.From is { } from) query = query.Where(e => e.At >= from.ToUniversalTime());
        if (filter.To is { } to) query = query.Where(e => e.At < to.ToUniversalTime());
        var (page, size) = Page<AuditRow>.Normalize(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Id).Skip((page - 1) * size).Take(size)
            .Select(e => new AuditRow(e.Id, e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.EntityLabel, e.Changes))
            .ToListAsync(ct);
        return new Page<AuditRow>(rows, total, page, size);
    }

    public static string ActionLabel(string action) => action switch
    {
        "Created" => "新增",
        "Updated" => "修改",
        "Deleted" => "删除",
        Platform.Exports.ImportWriter.ImportedAction => "导入",
        _ => action,
    };

    public static string EntityLabel(string type) => type switch
    {
        "Organization" => "组织",
        "Person" => "人员",
        "Alliance" => "联建",
        "AllianceMember" => "联建成员",
        "Agreement" => "联建协议",
        "JointMeeting" => "联席会议",
        "StationedPeriod" => "驻村时段",
        "CommunityRegistration" => "双报到",
        "UserOrganization" => "账号所属组织",
        "CalendarYear" => "节假日安排",
        "CalendarDay" => "节假日/调休日",
        _ => type,
    };
}
