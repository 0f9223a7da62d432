using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;
using Microsoft.AspNetCore.Mvc;

namespace Lianjian.Web.Modules.WorkOrders.Api;

/// <summary>What an action answers: the order's new state and the step it wrote.</summary>
public sealed record WorkOrderMoved(long Id, WorkOrderStatus Status, string StatusLabel, long StepId);

public static class WorkOrdersApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/work-orders").WithTags("工单").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/", SubmitAsync)
            .Accepts<SubmitWorkOrderInput>("application/json", "multipart/form-data")
            .Produces<SubmittedWorkOrder>(StatusCodes.Status201Created)
            .Produces<SubmittedWorkOrder>(StatusCodes.Status200OK)
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: WorkOrderForms.MaxRequestBytes)
            .WithMetadata(new RequestSizeLimitAttribute(WorkOrderForms.MaxRequestBytes))
            .WithName("SubmitWorkOrder")
            .WithSummary("点单：提交工单（JSON，或 multipart/form-data 带最多6张照片 photos）；同一 clientRequestId 重复提交只生成一张工单（再次提交答 200 和原工单）");

        api.MapGet("/", async ([AsParameters] WorkOrderListRequest request, WorkOrdersQuery query, CancellationToken ct) =>
            {
                var filter = request.ToFilter();
                if (!filter.IsSuccess) return filter.Error.ToHttpResult();
                return (await query.ListAsync(filter.Value, request.Cursor, request.PageSize, request.Counts ?? false, ct)).ToHttpResult();
            })
            .Produces<WorkOrderPage>()
            .WithName("ListWorkOrders")
            .WithSummary("工单列表（本人管辖范围；按状态、类别、组织下级、超时、日期、文字筛选；按提交时间倒序，超时列表按超时时长倒序（最早到期的在前），游标翻页；counts=true 时附各状态数量）")
            .WithDescription("text：工单编号，或描述、地址中的文字。两个字及以上走检索索引；只输一个字时只查最近90天提交的工单（给了 from/to 时查该日期范围）。"
                + "overdue=true：只看超时在办的工单，按到期时间从早到晚排列；翻页参数（cursor）只能用于产生它的那种排序，换了排序请从第一页查起（否则答 400 work_order.cursor_sort_mismatch）。");

        api.MapGet("/stats", async (Guid? organizationId, DateOnly? from, DateOnly? to, WorkOrderStatsQuery query, CancellationToken ct) =>
                (await query.GetAsync(organizationId, from, to, ct)).ToHttpResult())
            .RequireAuthorization(Policies.Staff)
            .Produces<WorkOrderStats>()
            .WithName("WorkOrderStats")
            .WithSummary("工单指标：某组织及下级、某时段（按点单日期，默认今年）的响应率、解决率、满意率、平均响应时长、按时办结率（公式见 docs/kpis.md）");

        api.MapGet("/reminders", async (Guid? organizationId, int? dueWithinDays, MonthlyReminderQuery query, CancellationToken ct) =>
                (await query.GetAsync(organizationId, dueWithinDays, ct)).ToHttpResult())
            .RequireAuthorization(Policies.Staff)
            .Produces<MonthlyReminder>()
            .WithName("WorkOrderReminders")
            .WithSummary("月提醒：各责任单位超时和临期（默认7天内到期）的在办工单");

        api.MapGet("/{id:long}", async (long id, WorkOrderDetailsQuery query, CancellationToken ct) => (await query.GetAsync(id, ct)).ToHttpResult())
            .Produces<WorkOrderDetails>()
            .WithName("GetWorkOrder").WithSummary("工单详情：时间线和本人可执行的操作");

        api.MapGet("/{id:long}/photos/{photoId:guid}", async (long id, Guid photoId, OpenWorkOrderPhoto useCase, HttpContext http, CancellationToken ct) =>
                Photo(await useCase.ExecuteAsync(id, photoId, ct), http))
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .WithName("GetWorkOrderPhoto").WithSummary("工单照片（限能查看该工单的用户）");

        var act = api.MapGroup("/{id:long}")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        act.MapPost("/dispatch", async (long id, DispatchInput input, DispatchWorkOrder useCase, CancellationToken ct) => Moved(id, await useCase.ExecuteAsync(id, input, ct)))
            .Produces<WorkOrderMoved>()
            .WithName("DispatchWorkOrder").WithSummary("派单：派给组织（pool=true 放入该组织抢单池）或组织内的党员");
        act.MapPost("/claim", async (long id, ClaimWorkOrder useCase, CancellationToken ct) => Moved(id, await useCase.ExecuteAsync(id, ct)))
            .Produces<WorkOrderMoved>()
            .WithName("ClaimWorkOrder").WithSummary("接单 / 抢单（多人同时抢，只有一人成功，其余答 409）");
        MapWithPhotos(act, "/progress", "ProgressWorkOrder", "办理：记录进展（可带照片）", (id, note, photos, sp, ct) => sp.GetRequiredService<ProgressWorkOrder>().ExecuteAsync(id, note, photos, ct));
        MapWithPhotos(act, "/resolve", "ResolveWorkOrder", "办结：报告办理结果（可带照片）", (id, note, photos, sp, ct) => sp.GetRequiredService<ResolveWorkOrder>().ExecuteAsync(id, note, photos, ct));
        act.MapPost("/rate", async (long id, RatingInput input, RateWorkOrder useCase, CancellationToken ct) => Moved(id, await useCase.ExecuteAsync(id, input, ct)))
            .Produces<WorkOrderMoved>()
            .WithName("RateWorkOrder").WithSummary("评单：点单人评价（1–5星，4星及以上为满意）");
        act.MapPost("/follow-up", async (long id, RatingInput input, FollowUpWorkOrder useCase, CancellationToken ct) => Moved(id, await useCase.ExecuteAsync(id, input, ct)))
            .Produces<WorkOrderMoved>()
            .WithName("FollowUpWorkOrder").WithSummary("回访：管理员电话回访并记录评价");
        act.MapPost("/reopen", async (long id, NoteInput input, ReopenWorkOrder useCase, CancellationToken ct) => Moved(id, await useCase.ExecuteAsync(id, input, ct)))
            .Produces<WorkOrderMoved>()
            .WithName("ReopenWorkOrder").WithSummary("重办：不满意，退回承办人重新办理（须填理由）");
        act.MapPost("/close", async (long id, [FromBody] NoteInput? input, CloseWorkOrder useCase, CancellationToken ct) => Moved(id, await useCase.ExecuteAsync(id, input ?? new NoteInput(), ct)))
            .Produces<WorkOrderMoved>()
            .WithName("CloseWorkOrder").WithSummary("销号：管理员确认办结");
        act.MapPost("/return", async (long id, NoteInput input, ReturnWorkOrder useCase, CancellationToken ct) => Moved(id, await useCase.ExecuteAsync(id, input, ct)))
            .Produces<WorkOrderMoved>()
            .WithName("ReturnWorkOrder").WithSummary("退单：退回待派单（须填理由）");
        act.MapPost("/reassign", async (long id, DispatchInput input, ReassignWorkOrder useCase, CancellationToken ct) => Moved(id, await useCase.ExecuteAsync(id, input, ct)))
            .Produces<WorkOrderMoved>()
            .WithName("ReassignWorkOrder").WithSummary("转派：改派给其他组织或党员");
        act.MapPost("/withdraw", async (long id, [FromBody] NoteInput? input, WithdrawWorkOrder useCase, CancellationToken ct) => Moved(id, await useCase.ExecuteAsync(id, input ?? new NoteInput(), ct)))
            .Produces<WorkOrderMoved>()
            .WithName("WithdrawWorkOrder").WithSummary("撤回：点单人在接单前撤回");
        act.MapPost("/reject", async (long id, NoteInput input, RejectWorkOrder useCase, CancellationToken ct) => Moved(id, await useCase.ExecuteAsync(id, input, ct)))
            .Produces<WorkOrderMoved>()
            .WithName("RejectWorkOrder").WithSummary("驳回：管理员认定无效（须填理由，点单人可见）");

        routes.MapGet("/api/work-order-categories", async (bool? includeInactive, CategoriesQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.ListAsync(includeInactive ?? false, ct)))
            .AllowAnonymous().WithTags("工单类别")
            .WithName("ListWorkOrderCategories").WithSummary("服务类别（点单时选择；含响应时限、办结时限和督办阶梯）");
        routes.MapGet("/api/escalation-ladders", async (CategoriesQuery query, CancellationToken ct) => TypedResults.Ok(await query.LaddersAsync(ct)))
            .RequireAuthorization(Policies.Staff).WithTags("工单类别")
            .WithName("ListEscalationLadders").WithSummary("督办阶梯（逐级响应）");

        // The requester's tracking link: no account, the unguessable token is the key.
        var tracking = routes.MapGroup("/api/tracking/{token}").WithTags("工单查询（点单人）").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        tracking.MapGet("/", async (string token, WorkOrderDetailsQuery query, CancellationToken ct) => (await query.ByTokenAsync(token, ct)).ToHttpResult())
            .Produces<PublicWorkOrder>().WithName("TrackWorkOrder").WithSummary("按查询链接查看工单进度（简化状态）");
        tracking.MapGet("/photos/{photoId:guid}", async (string token, Guid photoId, OpenWorkOrderPhoto useCase, HttpContext http, CancellationToken ct) =>
                Photo(await useCase.ByTokenAsync(token, photoId, ct), http))
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .WithName("GetTrackedWorkOrderPhoto").WithSummary("工单照片（凭查询链接）");
        var trackingActs = tracking.MapGroup("").DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        trackingActs.MapPost("/rate", async (string token, RatingInput input, RateWorkOrder useCase, CancellationToken ct) => Status(await useCase.ByTokenAsync(token, input, ct)))
            .WithName("RateTrackedWorkOrder").WithSummary("点单人评价（1–5星）");
        trackingActs.MapPost("/reopen", async (string token, NoteInput input, ReopenWorkOrder useCase, CancellationToken ct) => Status(await useCase.ByTokenAsync(token, input, ct)))
            .WithName("ReopenTrackedWorkOrder").WithSummary("点单人申请重办（不满意时）");
        trackingActs.MapPost("/withdraw", async (string token, [FromBody] NoteInput? input, WithdrawWorkOrder useCase, CancellationToken ct) => Status(await useCase.ByTokenAsync(token, input ?? new NoteInput(), ct)))
            .WithName("WithdrawTrackedWorkOrder").WithSummary("点单人在接单前撤回");
    }

    public sealed record WorkOrderListRequest(
        string? Status, Guid? CategoryId, CategoryKind? Kind, Guid? OrganizationId, bool? Overdue, DateOnly? From, DateOnly? To,
        string? Text, bool? Mine, bool? Pool, string? Cursor, int? PageSize, bool? Counts)
    {
        public Result<WorkOrderFilter> ToFilter()
        {
            List<WorkOrderStatus>? statuses = null;
            if (!string.IsNullOrWhiteSpace(Status))
            {
                statuses = [];
                foreach (var part in Status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!Enum.TryParse<WorkOrderStatus>(part, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(part, out _))
                        return Error.Validation("work_order.bad_status", $"状态“{part}”不正确，可选：{string.Join("、", Enum.GetNames<WorkOrderStatus>())}。");
                    statuses.Add(s);
                }
            }

            return new WorkOrderFilter
            {
                Statuses = statuses, CategoryId = CategoryId, Kind = Kind, OrganizationId = OrganizationId, Overdue = Overdue,
                From = From, To = To, Text = Text, Mine = Mine ?? false, Pool = Pool ?? false,
            };
        }
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, SubmitWorkOrder useCase, CancellationToken ct)
    {
        SubmitWorkOrderInput? input;
        IReadOnlyList<CheckedFile>? photos = null;
        if (WorkOrderForms.IsForm(http.Request))
        {
            var read = await WorkOrderForms.ReadAsync(http.Request, ct);
            if (!read.IsSuccess) return read.Error.ToHttpResult();
            var (form, files) = read.Value;
            var category = form.Guid("categoryId", "服务类别");
            var place = form.Guid("placeOrganizationId", "所在地点");
            var lat = form.Double("latitude", "纬度");
            var lon = form.Double("longitude", "经度");
            foreach (var error in new[] { category.Error, place.Error, lat.Error, lon.Error }) if (error is not null) return error.ToHttpResult();
            WorkOrderChannel? channel = null;
            if (form.Text("channel") is { Length: > 0 } c)
            {
                if (!Enum.TryParse<WorkOrderChannel>(c, true, out var parsed) || int.TryParse(c, out _)) return Error.Validation("work_order.bad_channel", "渠道不正确。").ToHttpResult();
                channel = parsed;
            }

            input = new SubmitWorkOrderInput(category.Value, form.Text("description"), place.Value, form.Text("address"), form.Text("requesterName"),
                form.Text("requesterPhone"), lat.Value, lon.Value, form.Text("clientRequestId"), channel);
            photos = files;
        }
        else
        {
            // Other content types never get here (415, from Accepts); malformed JSON throws and the platform's error handler
            // answers 400 request.malformed_json with the field.
            input = await http.Request.ReadFromJsonAsync<SubmitWorkOrderInput>(ct);

            if (input is null) return Error.Validation("request.empty_body", "请求内容为空。").ToHttpResult();
        }

        var result = await useCase.ExecuteAsync(input, WorkOrderChannel.Api, photos, ct);
        if (!result.IsSuccess) return result.Error.ToHttpResult();
        return result.Value.AlreadySubmitted
            ? TypedResults.Ok(result.Value)
            : TypedResults.Created($"/api/work-orders/{result.Value.Id}", result.Value);
    }

    private delegate Task<Result<WorkOrderStep>> PhotoAction(long id, NoteInput note, IReadOnlyList<CheckedFile>? photos, IServiceProvider services, CancellationToken ct);

    private static void MapWithPhotos(RouteGroupBuilder group, string pattern, string name, string summary, PhotoAction action) =>
        group.MapPost(pattern, async (long id, HttpContext http, CancellationToken ct) =>
            {
                NoteInput? note;
                IReadOnlyList<CheckedFile>? photos = null;
                if (WorkOrderForms.IsForm(http.Request))
                {
                    var read = await WorkOrderForms.ReadAsync(http.Request, ct);
                    if (!read.IsSuccess) return read.Error.ToHttpResult();
                    note = new NoteInput(read.Value.Form.Text("note"));
                    photos = read.Value.Photos;
                }
                else
                {
                    note = await http.Request.ReadFromJsonAsync<NoteInput>(ct);
                }

                return Moved(id, await action(id, note ?? new NoteInput(), photos, http.RequestServices, ct));
            })
            .Accepts<NoteInput>("application/json", "multipart/form-data")
            .Produces<WorkOrderMoved>()
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: WorkOrderForms.MaxRequestBytes)
            .WithMetadata(new RequestSizeLimitAttribute(WorkOrderForms.MaxRequestBytes))
            .WithName(name).WithSummary(summary);

    /// <summary>A stored photo, always with the type recognised at upload (never sniffed again by the browser).</summary>
    private static IResult Photo(Result<PhotoContent> photo, HttpContext http)
    {
        if (!photo.IsSuccess) return photo.Error.ToHttpResult();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(photo.Value.Content, photo.Value.ContentType);
    }

    private static IResult Moved(long id, Result<WorkOrderStep> result) =>
        result.IsSuccess ? TypedResults.Ok(new WorkOrderMoved(id, result.Value.ToStatus, result.Value.ToStatus.Label(), result.Value.Id)) : result.Error.ToHttpResult();

    private static IResult Status(Result<WorkOrderStep> result) =>
        result.IsSuccess ? TypedResults.Ok(new { status = result.Value.ToStatus.ToPublic(), statusLabel = result.Value.ToStatus.ToPublic().Label() }) : result.Error.ToHttpResult();
}
