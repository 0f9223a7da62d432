using Lianjian.Web.Modules.Accounts.UseCases;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianjian.Web.Modules.Accounts;

public sealed record DemoAccount(string UserName, string Role, string? OrganizationName, string? PersonName = null)
{
    public string RoleLabel => Roles.Label(Role);
}

/// <summary>One demo sign-in per role, created with the demo data and listed on the sign-in page in development only.</summary>
public sealed class DemoSignIns(IHostEnvironment environment, IOptions<LianjianOptions> options)
{
    public const string Password = "Lianjian@2026";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", Roles.SystemAdmin, null),
        new("gongwei", Roles.CommitteeAdmin, OrganizationsDemoData.City),
        new("dinghai", Roles.OrganizationAdmin, "定海区"),
        new("putuo", Roles.OrganizationAdmin, "普陀区"),
        new("sanlong", Roles.OrganizationAdmin, "三龙村党支部"),
        new("dangyuan", Roles.Member, "中心机关第一党支部", "王书记"),
        new("wangge", Roles.GridWorker, "东海社区第一网格", "吴网格"),
        new("lingdao", Roles.Leader, "定海区", "赵立新"),
    ];

    public bool Visible => environment.IsDevelopment() && options.Value.SeedDemoData;
}

internal sealed class AccountsDemoData(UserManager<AppUser> users, RoleManager<AppRole> roles, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 90;

    public async Task SeedAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        await CreateFirstAdmin.EnsureRolesAsync(roles);
        foreach (var account in DemoSignIns.Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            var person = account.PersonName is null ? null : await db.People.FirstOrDefaultAsync(p => p.Name == account.PersonName, ct);
            var user = new AppUser
            {
                UserName = account.UserName, DisplayName = account.PersonName ?? Roles.Label(account.Role),
                PersonId = person?.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, DemoSignIns.Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, account.Role);
            if (account.OrganizationName is not null)
            {
                var org = await db.Organizations.FirstAsync(o => o.Name == account.OrganizationName, ct);
                db.Add(new UserOrganization { UserId = user.Id, OrganizationId = org.Id });
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
