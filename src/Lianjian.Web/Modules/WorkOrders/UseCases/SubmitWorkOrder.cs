using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>What a requester (or someone on their behalf) fills in. Lengths as in <see cref="WorkOrder"/>.</summary>
public sealed record SubmitWorkOrderInput(
    Guid? CategoryId,
    string? Description,
    Guid? PlaceOrganizationId,
    string? Address = null,
    string? RequesterName = null,
    string? RequesterPhone = null,
    double? Latitude = null,
    double? Longitude = null,
    string? ClientRequestId = null,
    WorkOrderChannel? Channel = null)
{
    public Validator Validate()
    {
        var v = new Validator()
            .Must(CategoryId is not null, nameof(CategoryId), "请选择服务类别")
            .Text(nameof(Description), Description, WorkOrder.DescriptionMax, "需求描述", required: true)
            .Must(PlaceOrganizationId is not null, nameof(PlaceOrganizationId), "请选择所在村、社区或网格")
            .Text(nameof(Address), Address, WorkOrder.AddressMax, "详细地址")
            .Text(nameof(RequesterName), RequesterName, WorkOrder.NameMax, "姓名")
            .Phone(nameof(RequesterPhone), RequesterPhone, "联系电话")
            .Text(nameof(ClientRequestId), ClientRequestId, WorkOrder.ClientRequestIdMax, "请求编号")
            .Must(Latitude is null || (Latitude >= -90 && Latitude <= 90 && double.IsFinite(Latitude.Value)), nameof(Latitude), "纬度须在-90到90之间")
            .Must(Longitude is null || (Longitude >= -180 && Longitude <= 180 && double.IsFinite(Longitude.Value)), nameof(Longitude), "经度须在-180到180之间")
            .Must((Latitude is null) == (Longitude is null), nameof(Latitude), "经纬度须同时填写");
        if (Channel is { } channel) v.Must(Enum.IsDefined(channel), nameof(Channel), "渠道不正确");
        return v;
    }
}

/// <summary>What a submission answers: the tracking number and the requester's private link.</summary>
public sealed record SubmittedWorkOrder(long Id, string Number, string TrackingToken, string TrackingUrl, DateTime ResponseDeadline, DateTime ResolutionDeadline, bool AlreadySubmitted);

/// <summary>
/// 点单 — the one intake of every channel (phone page, QR code, desk, grid worker, API, Open311). One transaction writes
/// the order, its first step and its photos. A retried submission with the same client request id finds the first
/// order instead of creating a second one (the unique index decides a race).
/// </summary>
public sealed class SubmitWorkOrder(AppDbContext db, ICurrentUser user, WorkOrderAccess access, CategoryCache categories, IWorkingCalendarSource calendars, WorkOrderPhotos photos, WorkOrderNotices notices, GroupCommit commits, TimeProvider clock)
{
    public static string TrackingPath(string token) => $"/m/t/{token}";

    /// <param name="channel">The channel as the caller knows it (the phone page, Open311 …); the input may narrow an API
    /// submission to desk entry or a grid worker's report, which need those roles.</param>
    public async Task<Result<SubmittedWorkOrder>> ExecuteAsync(SubmitWorkOrderInput input, WorkOrderChannel channel, IReadOnlyList<CheckedFile>? files = null, CancellationToken ct = default)
    {
        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        if (files is { Count: > WorkOrder.MaxPhotos }) return WorkOrderPhotoErrors.TooMany;
        var effective = input.Channel ?? channel;
        if (effective != channel)
        {
            var allowed = effective switch
            {
                WorkOrderChannel.Desk => channel == WorkOrderChannel.Api && user.IsStaff(),
                WorkOrderChannel.GridWorker => channel == WorkOrderChannel.Api && user.IsInRole(Roles.GridWorker),
                WorkOrderChannel.QrCode => channel == WorkOrderChannel.Phone,
                _ => false,
            };
            if (!allowed) return Error.Validation("work_order.channel_not_allowed", $"不能以“{effective.Label()}”渠道点单。");
        }

        // A retry is recognised by the unique index on ClientRequestId (the insert below is refused), not by a lookup
        // before every submission; only a retry that would now be refused looks for its first order here.
        var clientRequestId = TextInput.TrimOrNull(input.ClientRequestId);
        var category = await categories.ActiveAsync(input.CategoryId, ct);
        if (category is null) return await RetryOr(WorkOrderErrors.UnknownCategory);
        var place = await db.Organizations.AsNoTracking().Where(o => o.Id == input.PlaceOrganizationId && o.IsActive)
            .Select(o => new { o.Id, o.Path }).FirstOrDefaultAsync(ct);
        if (place is null) return await RetryOr(WorkOrderErrors.UnknownPlace);
        var me = await access.MeAsync(ct);
        if (effective == WorkOrderChannel.Desk && !me.Scope.Covers(place.Path)) return await RetryOr(WorkOrderErrors.UnknownPlace);

        var requesterName = TextInput.TrimOrNull(input.RequesterName) ?? (effective is WorkOrderChannel.Desk or WorkOrderChannel.Open311 ? null : me.UserId is null ? null : me.Name);
        var submission = new WorkOrderSubmission(
            place.Id, input.Description!.Trim(), TextInput.TrimOrNull(input.Address), input.Latitude, input.Longitude,
            requesterName, TextInput.TrimOrNull(input.RequesterPhone),
            effective is WorkOrderChannel.Desk or WorkOrderChannel.Open311 ? null : me.PersonId,
            me.UserId, me.UserId is null ? requesterName ?? "群众" : me.Name, effective, clientRequestId);
        var now = clock.GetUtcNow().UtcDateTime;
        var (order, step) = WorkOrder.Submit(submission, category, await calendars.GetAsync(ct), now);
        db.WorkOrders.Add(order);
        db.WorkOrderSteps.Add(step);
        var stored = files is { Count: > 0 } ? await photos.StoreAsync(order, step, files, ct) : [];
        await notices.OnStepAsync(order, step, ct);
        try
        {
            // Committed with other submissions arriving at the same moment, answered after the commit (GroupCommit).
            await commits.SaveAsync(db, ct);
        }
        catch (DbUpdateException) when (clientRequestId is not null)
        {
            // Another copy of the same request won the unique index: answer with its order.
            photos.Discard(stored);
            db.ChangeTracker.Clear();
            if (await FindRetryAsync(clientRequestId, input, ct) is { } winner) return winner;
            throw;
        }
        catch
        {
            photos.Discard(stored);
            throw;
        }

        return new SubmittedWorkOrder(order.Id, order.Number, order.TrackingToken, TrackingPath(order.TrackingToken), order.ResponseDeadline, order.ResolutionDeadline, false);

        async Task<Result<SubmittedWorkOrder>> RetryOr(Error error) =>
            clientRequestId is not null && await FindRetryAsync(clientRequestId, input, ct) is { } retried ? retried : error;
    }

    private async Task<Result<SubmittedWorkOrder>?> FindRetryAsync(string clientRequestId, SubmitWorkOrderInput input, CancellationToken ct)
    {
        var existing = await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(o => o.ClientRequestId == clientRequestId, ct);
        if (existing is null) return null;
        if (existing.CategoryId != input.CategoryId || existing.PlaceOrganizationId != input.PlaceOrganizationId
            || existing.Description != input.Description?.Trim()) return WorkOrderErrors.ClientRequestIdReused;
        return new SubmittedWorkOrder(existing.Id, existing.Number, existing.TrackingToken, TrackingPath(existing.TrackingToken),
            existing.ResponseDeadline, existing.ResolutionDeadline, true);
    }


}
