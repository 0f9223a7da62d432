using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Accounts.UseCases;

/// <summary>
/// Creates and edits sign-in accounts: roles no higher than the editor's, organizations within the editor's scope,
/// and only accounts whose organizations all lie in that scope (others are "not found").
/// </summary>
public sealed class SaveAccount(AppDbContext db, UserManager<AppUser> users, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<Guid>> CreateAsync(AccountInput input, CancellationToken ct = default)
    {
        var check = await CheckAsync(input, creating: true, ct);
        if (!check.IsSuccess) return check.Error;
        var account = new AppUser
        {
            UserName = input.UserName!.Trim(), DisplayName = input.DisplayName!.Trim(), PersonId = input.PersonId,
            CreatedAt = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true, IsActive = input.IsActive,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(account, input.Password!);
        if (!created.Succeeded) return AccountErrors.Identity(created.Errors.Select(e => e.Description));
        var roles = await users.AddToRolesAsync(account, input.Roles!);
        if (!roles.Succeeded) return AccountErrors.Identity(roles.Errors.Select(e => e.Description));
        foreach (var orgId in (input.OrganizationIds ?? []).Distinct()) db.Add(new UserOrganization { UserId = account.Id, OrganizationId = orgId });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return account.Id;
    }

    public async Task<Result> UpdateAsync(Guid id, AccountInput input, CancellationToken ct = default)
    {
        var found = await FindAsync(id, ct);
        if (!found.IsSuccess) return found.Error;
        var account = found.Value;
        var check = await CheckAsync(input, creating: false, ct);
        if (!check.IsSuccess) return check.Error;
        if (!input.IsActive && account.Id == user.UserId) return AccountErrors.CannotDeactivateSelf();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        account.DisplayName = input.DisplayName!.Trim();
        account.PersonId = input.PersonId;
        account.IsActive = input.IsActive;
        var current = await users.GetRolesAsync(account);
        var removed = await users.RemoveFromRolesAsync(account, current.Except(input.Roles!));
        var added = await users.AddToRolesAsync(account, input.Roles!.Except(current));
        if (!removed.Succeeded || !added.Succeeded) return AccountErrors.Identity(removed.Errors.Concat(added.Errors).Select(e => e.Description));
        var links = await db.Set<UserOrganization>().Where(u => u.UserId == id).ToListAsync(ct);
        var wanted = (input.OrganizationIds ?? []).Distinct().ToHashSet();
        db.RemoveRange(links.Where(l => !wanted.Contains(l.OrganizationId)));
        foreach (var orgId in wanted.Where(o => links.All(l => l.OrganizationId != o))) db.Add(new UserOrganization { UserId = id, OrganizationId = orgId });
        await users.UpdateSecurityStampAsync(account);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Ok;
    }

    public async Task<Result> ResetPasswordAsync(Guid id, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(password) || password.Length > 128) return Error.Validation("validation", "请输入新密码（不超过128个字符）。");
        var found = await FindAsync(id, ct);
        if (!found.IsSuccess) return found.Error;
        var account = found.Value;
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var reset = await users.ResetPasswordAsync(account, token, password);
        if (!reset.Succeeded) return AccountErrors.Identity(reset.Errors.Select(e => e.Description));
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        return Result.Ok;
    }

    private async Task<Result<AppUser>> FindAsync(Guid id, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (account is null) return AccountErrors.NotFound();
        if (scope.IsUnrestricted) return account;
        var orgIds = await db.Set<UserOrganization>().Where(u => u.UserId == id).Select(u => u.OrganizationId).ToListAsync(ct);
        var inScope = await db.Organizations.InScope(scope).CountAsync(o => orgIds.Contains(o.Id), ct);
        var isSystemAdmin = await users.IsInRoleAsync(account, Roles.SystemAdmin);
        return orgIds.Count == 0 || inScope != orgIds.Count || isSystemAdmin ? AccountErrors.NotFound() : account;
    }

    private async Task<Result> CheckAsync(AccountInput input, bool creating, CancellationToken ct)
    {
        var validation = input.Validate(creating);
        if (!validation.IsValid) return validation.ToError();
        var grantable = AccountInput.GrantableBy(user);
        if (input.Roles!.FirstOrDefault(r => !grantable.Contains(r)) is { } denied) return AccountErrors.RoleNotGrantable(denied);
        var orgIds = (input.OrganizationIds ?? []).Distinct().ToList();
        if (orgIds.Count == 0 && !input.Roles!.Contains(Roles.SystemAdmin)) return AccountErrors.NeedsOrganization();
        var scope = await user.GetScopeAsync(ct);
        if (await db.Organizations.InScope(scope).CountAsync(o => orgIds.Contains(o.Id), ct) != orgIds.Count) return AccountErrors.OrganizationNotFound();
        return Result.Ok;
    }
}
