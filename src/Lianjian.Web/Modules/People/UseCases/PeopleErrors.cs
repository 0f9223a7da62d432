using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.People.UseCases;

public static class PeopleErrors
{
    public static Error NotFound() => Error.NotFound("person.not_found", "人员不存在，或不在您的管辖范围内。");

    public static Error OrganizationNotFound() => Error.NotFound("person.organization_not_found", "所属组织不存在，或不在您的管辖范围内。");

    public static Error GridWorkerNeedsGrid(OrganizationKind actual) =>
        Error.Rule("person.grid_worker_needs_grid", $"网格员的所属组织必须是网格，所选组织是“{actual.Label()}”。");

    public static Error OrganizationInactive() => Error.Rule("person.organization_inactive", "所属组织已停用，不能把人员放在其下。");

    public static Error DuplicateIdNumber() => Error.Conflict("person.duplicate_id_number", "该身份证号已登记在另一名人员名下。");
}
