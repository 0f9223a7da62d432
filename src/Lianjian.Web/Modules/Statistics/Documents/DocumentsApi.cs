using Lianjian.Web.Platform.Documents;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Statistics.Documents;

public static class DocumentsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/statistics/documents").WithTags("统计文档").RequireAuthorization(Policies.Staff)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/", async (GenerateDocumentInput input, GenerateDocument useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(input, ct)).ToHttpResult(row => TypedResults.Created(row.DownloadUrl, row)))
            .Produces<DocumentRow>(StatusCodes.Status201Created)
            .WithName("GenerateStatisticsDocument")
            .WithSummary("生成统计文档（Word）：kind = QuarterlyBulletin 季通报（period 如 2026-Q3）或 MonthlyReminder 月提醒（period 如 2026-11）；同一组织同一期间再次生成时替换原文档")
            .WithDescription("季通报：该组织及下级本季度受理、有效、响应率、解决率、满意率、平均响应时长、按时办结率、超时在办，各下级单位情况与排名，超时未办结工单清单。"
                + "月提醒：各责任单位超时和7天内到期的在办工单（按生成时的情况）及本月受理、办结情况。尚未开始的期间答 400 document.future_period。");

        api.MapGet("/", async (Guid? organizationId, DocumentsQuery query, CancellationToken ct) => (await query.ListAsync(organizationId, ct)).ToHttpResult())
            .Produces<IReadOnlyList<DocumentRow>>()
            .WithName("ListStatisticsDocuments")
            .WithSummary("已生成的统计文档（本人管辖范围；给了 organizationId 时为该组织及下级），最新的在前");

        api.MapGet("/{id:guid}/file", async (Guid id, DocumentsQuery query, HttpContext http, CancellationToken ct) =>
            {
                var file = await query.OpenAsync(id, ct);
                if (!file.IsSuccess) return file.Error.ToHttpResult();
                http.Response.Headers.XContentTypeOptions = "nosniff";
                // The Chinese file name goes out as filename*=UTF-8''… (RFC 5987/6266), with an ASCII fallback.
                return TypedResults.File(file.Value.Content, BulletinDocument.ContentType, file.Value.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: BulletinDocument.ContentType)
            .WithName("DownloadStatisticsDocument")
            .WithSummary("下载统计文档（.docx）");
    }
}
