using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>
/// Photos of a step: at most <see cref="WorkOrder.MaxPhotos"/>, each a real JPEG/PNG/WebP (sniffed, not trusted by its
/// name) of at most <see cref="MaxBytes"/>, stored outside the web root and served only to those who may see the order.
/// </summary>
public sealed class WorkOrderPhotos(FileStore files)
{
    public const string Area = "work-orders";
    public const long MaxBytes = 5 * 1024 * 1024;

    public static readonly IReadOnlySet<FileType> Allowed = new HashSet<FileType> { FileType.Jpeg, FileType.Png, FileType.Webp };

    /// <summary>Reads and checks uploaded photos; the first bad one is the error (nothing is stored yet).</summary>
    public static async Task<Result<IReadOnlyList<CheckedFile>>> CheckAsync(IReadOnlyList<(Stream Content, string? FileName)> uploads, CancellationToken ct)
    {
        if (uploads.Count > WorkOrder.MaxPhotos) return WorkOrderPhotoErrors.TooMany;
        var checkedFiles = new List<CheckedFile>(uploads.Count);
        for (var i = 0; i < uploads.Count; i++)
        {
            var file = await CheckedFile.ReadAsync(uploads[i].Content, uploads[i].FileName, MaxBytes, Allowed, ct);
            if (!file.IsSuccess) return WorkOrderPhotoErrors.Bad(i + 1, file.Error);
            checkedFiles.Add(file.Value);
        }

        return checkedFiles;
    }

    public async Task<IReadOnlyList<string>> StoreAsync(WorkOrder order, WorkOrderStep step, IReadOnlyList<CheckedFile> photos, CancellationToken ct)
    {
        var stored = new List<string>(photos.Count);
        foreach (var photo in photos)
        {
            var name = await files.SaveAsync(Area, photo, ct);
            stored.Add(name);
            step.Photos.Add(new WorkOrderPhoto
            {
                Id = Guid.NewGuid(),
                Order = order,
                StoredName = name,
                ContentType = photo.ContentType,
                Length = photo.Content.LongLength,
            });
        }

        return stored;
    }

    public void Discard(IReadOnlyList<string> stored)
    {
        foreach (var name in stored) files.Delete(Area, name);
    }

    public Stream? Open(string storedName) => files.OpenRead(Area, storedName);
}

public static class WorkOrderPhotoErrors
{
    public static Error TooMany { get; } = Error.Validation("work_order.too_many_photos", $"每次最多上传{WorkOrder.MaxPhotos}张照片。");

    public static Error Bad(int number, Error error) =>
        Error.Validation(error.Code, $"第{number}张照片：{error.Message}", new Dictionary<string, string[]> { ["photos"] = [error.Message] });
}
