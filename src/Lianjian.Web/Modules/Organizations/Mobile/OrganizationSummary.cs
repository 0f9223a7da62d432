using Lianjian.Web.Modules.Alliances.Queries;
using Lianjian.Web.Modules.Organizations.Queries;
using Lianjian.Web.Modules.People.Queries;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Organizations.Mobile;

/// <summary>What the phone shows about one organization, read through the same queries as the back office.</summary>
public sealed record OrganizationSummary(OrganizationDetails Organization, int PeopleCount, IReadOnlyList<OrganizationRow> Children, IReadOnlyList<AllianceRow> Alliances)
{
    public static async Task<Result<OrganizationSummary>> LoadAsync(Guid id, OrganizationsQuery organizations, PeopleQuery people, AlliancesQuery alliances, CancellationToken ct = default)
    {
        var details = await organizations.DetailsAsync(id, ct);
        if (!details.IsSuccess) return details.Error;
        var children = await organizations.ChildrenAsync(id, includeInactive: false, ct);
        var peopleCount = (await people.SearchAsync(new PersonFilter(OrganizationId: id, PageSize: 1), ct)).Total;
        var childRows = children.IsSuccess ? children.Value : [];

        // A village or community takes part through its party branch, so the alliances of direct children count too.
        var memberOf = new List<AllianceRow>();
        foreach (var memberId in childRows.Take(50).Select(c => c.Id).Prepend(id))
        {
            memberOf.AddRange((await alliances.ListAsync(organizationId: memberId, ct: ct)).Where(a => memberOf.All(m => m.Id != a.Id)));
        }

        return new OrganizationSummary(details.Value, peopleCount, childRows, memberOf);
    }
}
