using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Organizations.UseCases;

/// <summary>Edits the descriptive fields. Kind and place in the tree change only through <see cref="MoveOrganization"/>.</summary>
public sealed class UpdateOrganization(AppDbContext db, OrganizationAccess access)
{
    public async Task<Result> ExecuteAsync(Guid id, OrganizationInput input, CancellationToken ct = default)
    {
        var check = input.Validate(requireKind: false);
        if (!check.IsValid) return check.ToError();
        var found = await access.FindForChangeAsync(id, ct);
        if (!found.IsSuccess) return found.Error;
        found.Value.Describe(input.Name!, input.Code, input.Address, input.ContactName, input.ContactPhone, input.Description, input.SortOrder);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
