using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Accounts.Queries;

public sealed record AccountRow(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> RoleLabels,
    IReadOnlyList<Guid> OrganizationIds, IReadOnlyList<string> OrganizationNames, bool IsActive, bool IsLockedOut, Guid? PersonId);

/// <summary>Accounts whose organizations lie in the viewer's scope (a system admin sees all).</summary>
public sealed class AccountsQuery(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<Page<AccountRow>> SearchAsync(string? text, int? page, int? pageSize, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var accounts = db.Users.AsNoTracking();
        if (!scope.IsUnrestricted)
        {
            var inScope = db.Organizations.InScope(scope).Select(o => o.Id);
            var links = db.Set<UserOrganization>();
            var systemAdmins = db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.SystemAdmin), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId);
            accounts = accounts.Where(u => links.Any(l => l.UserId == u.Id)
                && !links.Any(l => l.UserId == u.Id && !inScope.Contains(l.OrganizationId))
                && !systemAdmins.Contains(u.Id));
        }

        if (!string.IsNullOrWhiteSpace(text)) accounts = accounts.Where(u => u.UserName!.Contains(text.Trim()) || u.DisplayName.Contains(text.Trim()));
        var (p, size) = Page<AccountRow>.Normalize(page, pageSize);
        var total = await accounts.CountAsync(ct);
        var rows = await accounts.OrderBy(u => u.UserName).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var orgs = await db.Set<UserOrganization>().Where(l => ids.Contains(l.UserId))
            .Join(db.Organizations, l => l.OrganizationId, o => o.Id, (l, o) => new { l.UserId, o.Id, o.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = rows.ConvertAll(u =>
        {
            var r = roles.Where(x => x.UserId == u.Id).Select(x => x.Name!).ToList();
            var o = orgs.Where(x => x.UserId == u.Id).ToList();
            return new AccountRow(u.Id, u.UserName!, u.DisplayName, r, r.ConvertAll(Roles.Label), o.ConvertAll(x => x.Id), o.ConvertAll(x => x.Name),
                u.IsActive, u.LockoutEnd > now, u.PersonId);
        });
        return new Page<AccountRow>(items, total, p, size);
    }
}
