using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Organizations.UseCases;

public sealed class CreateOrganization(AppDbContext db, OrganizationAccess access, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(OrganizationInput input, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var parent = await access.FindParentAsync(input.ParentId, ct);
        if (!parent.IsSuccess) return parent.Error;

        var created = Organization.Create(Guid.CreateVersion7(), input.Name!, input.Kind!.Value, parent.Value, clock.GetUtcNow().UtcDateTime);
        if (!created.IsSuccess) return created.Error;
        var organization = created.Value;
        organization.Describe(input.Name!, input.Code, input.Address, input.ContactName, input.ContactPhone, input.Description, input.SortOrder);
        db.Add(organization);
        await db.SaveChangesAsync(ct);
        return organization.Id;
    }
}
