using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

public sealed record PhotoContent(Stream Content, string ContentType);

/// <summary>A photo of an order, for those who may see the order (staff, handler, requester) or hold its tracking link.</summary>
public sealed class OpenWorkOrderPhoto(AppDbContext db, WorkOrderAccess access, WorkOrderPhotos photos)
{
    private static readonly Error Missing = Error.NotFound("work_order.photo_not_found", "照片不存在。");

    public async Task<Result<PhotoContent>> ExecuteAsync(long id, Guid photoId, CancellationToken ct = default)
    {
        var order = await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || !(await access.ActorAsync(order, ct)).Visible) return WorkOrderErrors.NotFound;
        return await OpenAsync(id, photoId, ct);
    }

    public async Task<Result<PhotoContent>> ByTokenAsync(string token, Guid photoId, CancellationToken ct = default)
    {
        var order = await access.FindByTokenAsync(token, ct);
        if (!order.IsSuccess) return order.Error;
        return await OpenAsync(order.Value.Id, photoId, ct);
    }

    private async Task<Result<PhotoContent>> OpenAsync(long orderId, Guid photoId, CancellationToken ct)
    {
        var photo = await db.WorkOrderPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.WorkOrderId == orderId, ct);
        if (photo is null) return Missing;
        var stream = photos.Open(photo.StoredName);
        return stream is null ? Missing : new PhotoContent(stream, photo.ContentType);
    }
}
