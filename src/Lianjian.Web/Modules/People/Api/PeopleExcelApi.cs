using Lianjian.Web.Modules.People.Exports;
using Lianjian.Web.Modules.People.Queries;
using Lianjian.Web.Modules.People.UseCases;
using Lianjian.Web.Platform.Exports;
using Lianjian.Web.Platform.Identity;

namespace Lianjian.Web.Modules.People.Api;

/// <summary>Excel template, import and export of people (docs/decisions/0004-import-policy.md).</summary>
public static class PeopleExcelApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/people").WithTags("人员").RequireAuthorization();

        api.MapGet("/export", async ([AsParameters] PersonFilter filter, PersonExport export, CancellationToken ct) =>
                ExcelHttp.File(await export.ExportAsync(filter, ct), export.ExportFileName))
            .WithName("ExportPeople").WithSummary("导出人员（Excel，条件与人员列表相同，列与导入模板相同；手机号和身份证号按角色脱敏）")
            .Produces<Stream>(StatusCodes.Status200OK, ExcelWriter.ContentType);

        var staff = api.MapGroup("").RequireAuthorization(Policies.Staff);

        staff.MapGet("/import-template", async (PersonExport export, CancellationToken ct) =>
                ExcelHttp.File(await export.TemplateAsync(ct), export.TemplateFileName))
            .WithName("DownloadPeopleImportTemplate").WithSummary("下载人员导入模板（Excel，中文表头、一行示例和填写说明）")
            .Produces<Stream>(StatusCodes.Status200OK, ExcelWriter.ContentType);

        staff.MapExcelImport((ImportPeople useCase, Stream file, CancellationToken ct) => useCase.ExecuteAsync(file, null, ct))
            .WithName("ImportPeople")
            .WithSummary("从 Excel 导入人员（表单字段 file；全部校验通过才写入，否则返回每一行的错误）")
            .WithDescription("所有行先逐行校验（含文件内和系统内身份证号重复）；只要有一行有错，就不写入任何数据，返回 400 和 rows（行号 row、列 column、原因 message）。文件不超过 20 MB、最多 50000 行。");
    }
}
