using Lianjian.Web.Modules.Organizations.Exports;
using Lianjian.Web.Modules.Organizations.Queries;
using Lianjian.Web.Modules.Organizations.UseCases;
using Lianjian.Web.Platform.Exports;
using Lianjian.Web.Platform.Identity;

namespace Lianjian.Web.Modules.Organizations.Api;

/// <summary>Excel template, import and export of organizations (docs/decisions/0004-import-policy.md).</summary>
public static class OrganizationsExcelApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/organizations").WithTags("组织").RequireAuthorization();

        api.MapGet("/export", async ([AsParameters] OrganizationFilter filter, OrganizationExport export, CancellationToken ct) =>
                ExcelHttp.File(await export.ExportAsync(filter, ct), export.ExportFileName))
            .WithName("ExportOrganizations").WithSummary("导出组织（Excel，条件与组织列表相同，列与导入模板相同）")
            .Produces<Stream>(StatusCodes.Status200OK, ExcelWriter.ContentType);

        var staff = api.MapGroup("").RequireAuthorization(Policies.Staff);

        staff.MapGet("/import-template", async (OrganizationExport export, CancellationToken ct) =>
                ExcelHttp.File(await export.TemplateAsync(ct), export.TemplateFileName))
            .WithName("DownloadOrganizationImportTemplate").WithSummary("下载组织导入模板（Excel，中文表头、一行示例和填写说明）")
            .Produces<Stream>(StatusCodes.Status200OK, ExcelWriter.ContentType);

        staff.MapExcelImport((ImportOrganizations useCase, Stream file, CancellationToken ct) => useCase.ExecuteAsync(file, null, ct))
            .WithName("ImportOrganizations")
            .WithSummary("从 Excel 导入组织（表单字段 file；全部校验通过才写入，否则返回每一行的错误）")
            .WithDescription("所有行先逐行校验；只要有一行有错，就不写入任何数据，返回 400 和 rows（行号 row、列 column、原因 message）。文件不超过 20 MB、最多 50000 行。");
    }
}
