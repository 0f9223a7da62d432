using Lianjian.Web.Modules.Organizations.Queries;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Exports;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;

namespace Lianjian.Web.Modules.Organizations.Exports;

/// <summary>The 组织 workbooks: the import template, and the export of exactly what the organization list shows.</summary>
public sealed class OrganizationExport(AppDbContext db, ICurrentUser user, OrganizationsQuery query, TimeProvider clock)
{
    public string TemplateFileName => "组织导入模板.xlsx";

    public string ExportFileName => $"组织_{clock.GetUtcNow().ToOffset(ChinaClock.Offset):yyyyMMdd_HHmm}.xlsx";

    /// <summary>Headers, one example row under the top of the user's scope, and a 填写说明 sheet.</summary>
    public async Task<Stream> TemplateAsync(CancellationToken ct = default)
    {
        var tops = await query.ChildrenAsync(null, includeInactive: false, ct);
        var parent = tops.IsSuccess && tops.Value.Count > 0 ? tops.Value[0].Name : "长白岛三龙村";
        return await ExcelWriter.TemplateAsync(OrganizationSheet.Layout, [OrganizationSheet.Example(parent)], OrganizationSheet.Notes, ct);
    }

    /// <summary>
    /// Streams <see cref="OrganizationsQuery.AllAsync"/> (the list's own filter and order, parents first) into a workbook.
    /// 上级组织 is written so that it resolves again on import (a path or code where a name is ambiguous).
    /// </summary>
    public async Task<Stream> ExportAsync(OrganizationFilter filter, CancellationToken ct = default)
    {
        var lookup = await OrganizationLookup.LoadAsync(db, await user.GetScopeAsync(ct), ct);
        return await ExcelWriter.WriteAsync(OrganizationSheet.Layout, Rows(filter, lookup, ct), ct);
    }

    private async IAsyncEnumerable<object?[]> Rows(OrganizationFilter filter, OrganizationLookup lookup, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var organization in query.AllAsync(filter, ct))
        {
            yield return OrganizationSheet.ToCells(organization, lookup);
        }
    }
}
