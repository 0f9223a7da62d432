using Lianjian.Web.Modules.Organizations.Exports;
using Lianjian.Web.Modules.Organizations.Queries;
using Lianjian.Web.Modules.People.Queries;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Exports;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;

namespace Lianjian.Web.Modules.People.Exports;

/// <summary>The 人员 workbooks: the import template, and the export of exactly what the people list shows.</summary>
public sealed class PersonExport(AppDbContext db, ICurrentUser user, PeopleQuery people, OrganizationsQuery organizations, TimeProvider clock)
{
    public string TemplateFileName => "人员导入模板.xlsx";

    public string ExportFileName => $"人员_{clock.GetUtcNow().ToOffset(ChinaClock.Offset):yyyyMMdd_HHmm}.xlsx";

    public async Task<Stream> TemplateAsync(CancellationToken ct = default)
    {
        var tops = await organizations.ChildrenAsync(null, includeInactive: false, ct);
        var home = tops.IsSuccess && tops.Value.Count > 0 ? tops.Value[0].Name : "长白岛三龙村";
        return await ExcelWriter.TemplateAsync(PersonSheet.Layout, [PersonSheet.Example(home)], PersonSheet.Notes, ct);
    }

    /// <summary>
    /// Streams <see cref="PeopleQuery.ExportAsync"/> — the list's filter, order and masking (phone and ID numbers
    /// masked unless <see cref="PeopleQuery.SeesPersonalData"/>) — into a workbook without holding the rows in memory.
    /// </summary>
    public async Task<Stream> ExportAsync(PersonFilter filter, CancellationToken ct = default)
    {
        var lookup = await OrganizationLookup.LoadAsync(db, await user.GetScopeAsync(ct), ct);
        return await ExcelWriter.WriteAsync(PersonSheet.Layout, Rows(filter, lookup, ct), ct);
    }

    private async IAsyncEnumerable<object?[]> Rows(PersonFilter filter, OrganizationLookup lookup, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in people.ExportAsync(filter, ct))
        {
            yield return PersonSheet.ToCells(row, lookup);
        }
    }
}
