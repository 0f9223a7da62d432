using Lianjian.Web.Modules.Alliances.Queries;
using Lianjian.Web.Modules.Alliances.UseCases;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;
using Microsoft.AspNetCore.Mvc;

namespace Lianjian.Web.Modules.Alliances.Api;

public static class AlliancesApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/alliances").WithTags("联建").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/", async (string? name, Guid? organizationId, AlliancesQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.ListAsync(name, organizationId, ct)))
            .WithName("ListAlliances").WithSummary("本人所在组织参与的联建");

        api.MapGet("/{id:guid}", async (Guid id, AlliancesQuery query, CancellationToken ct) =>
                (await query.DetailsAsync(id, ct)).ToHttpResult())
            .Produces<AllianceDetails>()
            .WithName("GetAlliance").WithSummary("联建详情：成员、协议、联席会议");

        api.MapGet("/{id:guid}/agreements/{agreementId:guid}/document", async (Guid id, Guid agreementId, OpenAgreementDocument useCase, HttpContext http, CancellationToken ct) =>
            {
                var document = await useCase.ExecuteAsync(id, agreementId, ct);
                if (!document.IsSuccess) return document.Error.ToHttpResult();
                // Always a download, never rendered in the page; the type is the one recognised at upload.
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.File(document.Value.Content, document.Value.ContentType, document.Value.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithName("DownloadAgreementDocument").WithSummary("下载联建协议文件（限联建成员组织范围内的用户）");

        // Changes: staff whose subtree holds the alliance's lead organization (AllianceAccess says who may do what).
        var staff = api.MapGroup("").RequireAuthorization(Policies.Staff)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        staff.MapPost("/", async (AllianceInput input, CreateAlliance useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/alliances/{id}", new { id })))
            .WithName("CreateAlliance").WithSummary("新建联建（牵头组织须在本人管辖范围内，并自动成为成员）");

        staff.MapPut("/{id:guid}", async (Guid id, AllianceInput input, UpdateAlliance useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, input, ct)).ToHttpResult())
            .WithName("UpdateAlliance").WithSummary("修改联建（名称、类型、牵头组织、简介、成立日期）");

        staff.MapPost("/{id:guid}/deactivate", async (Guid id, DeactivateAlliance useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, ct)).ToHttpResult())
            .WithName("DeactivateAlliance").WithSummary("停用联建（保留协议和会议记录，停用后只读）");

        staff.MapPost("/{id:guid}/reactivate", async (Guid id, ReactivateAlliance useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, ct)).ToHttpResult())
            .WithName("ReactivateAlliance").WithSummary("重新启用联建");

        staff.MapPost("/{id:guid}/members", async (Guid id, AllianceMemberInput input, AddAllianceMember useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, input, ct)).ToHttpResult())
            .WithName("AddAllianceMember").WithSummary("添加联建成员组织（组织管理员限本人管辖范围；工委管理员可添加任何组织）");

        staff.MapDelete("/{id:guid}/members/{organizationId:guid}", async (Guid id, Guid organizationId, RemoveAllianceMember useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, organizationId, ct)).ToHttpResult())
            .WithName("RemoveAllianceMember").WithSummary("移除联建成员组织（不能移除牵头组织）");

        staff.MapPost("/{id:guid}/agreements", async (Guid id, AgreementInput input, CreateAgreement useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, input, ct)).ToHttpResult(agreementId => TypedResults.Created($"/api/alliances/{id}", new { id = agreementId })))
            .WithName("CreateAgreement").WithSummary("谈约：新建联建协议");

        staff.MapPut("/{id:guid}/agreements/{agreementId:guid}", async (Guid id, Guid agreementId, AgreementInput input, UpdateAgreement useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, agreementId, input, ct)).ToHttpResult())
            .WithName("UpdateAgreement").WithSummary("修改协议标题、条款和日期（仅谈约阶段）");

        staff.MapPost("/{id:guid}/agreements/{agreementId:guid}/sign", async (Guid id, Guid agreementId, [FromBody] AgreementStepInput? input, SignAgreement useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, agreementId, input, ct)).ToHttpResult())
            .WithName("SignAgreement").WithSummary("签约（谈约之后；日期默认今天）");

        staff.MapPost("/{id:guid}/agreements/{agreementId:guid}/start-performance", async (Guid id, Guid agreementId, [FromBody] AgreementStepInput? input, StartAgreementPerformance useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, agreementId, input, ct)).ToHttpResult())
            .WithName("StartAgreementPerformance").WithSummary("履约（签约之后；日期默认今天）");

        staff.MapPost("/{id:guid}/agreements/{agreementId:guid}/evaluate", async (Guid id, Guid agreementId, EvaluateAgreementInput input, EvaluateAgreement useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, agreementId, input, ct)).ToHttpResult())
            .WithName("EvaluateAgreement").WithSummary("评约（履约之后）：评约结果与意见");

        // Bearer-token API clients post multipart forms without an antiforgery token; the sign-in cookie is SameSite=Lax,
        // so a cross-site form cannot ride on a browser session either.
        staff.MapPut("/{id:guid}/agreements/{agreementId:guid}/document", async (Guid id, Guid agreementId, IFormFile file, AttachAgreementDocument useCase, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return (await useCase.ExecuteAsync(id, agreementId, content, file.FileName, ct)).ToHttpResult();
            })
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: AttachAgreementDocument.MaxBytes + 64 * 1024)
            .WithMetadata(new RequestSizeLimitAttribute(AttachAgreementDocument.MaxBytes + 64 * 1024))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("AttachAgreementDocument").WithSummary("上传或替换协议文件（PDF、Word 或图片，不超过10MB，按文件实际内容识别类型）");

        staff.MapPost("/{id:guid}/meetings", async (Guid id, JointMeetingInput input, RecordJointMeeting useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, input, ct)).ToHttpResult(meetingId => TypedResults.Created($"/api/alliances/{id}", new { id = meetingId })))
            .WithName("RecordJointMeeting").WithSummary("记录联席会议（时间、地点、主题、参会人员、纪要、决定）");

        staff.MapPut("/{id:guid}/meetings/{meetingId:guid}", async (Guid id, Guid meetingId, JointMeetingInput input, UpdateJointMeeting useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, meetingId, input, ct)).ToHttpResult())
            .WithName("UpdateJointMeeting").WithSummary("修改联席会议记录");

        staff.MapDelete("/{id:guid}/meetings/{meetingId:guid}", async (Guid id, Guid meetingId, DeleteJointMeeting useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, meetingId, ct)).ToHttpResult())
            .WithName("DeleteJointMeeting").WithSummary("删除联席会议记录（操作日志保留原内容）");
    }
}
