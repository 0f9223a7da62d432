using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>
/// Attaches (or replaces) the agreement's document: PDF, Word or an image of at most 10 MB, recognised by its content.
/// The file goes to {DataDirectory}/files/agreements/ under a random name; the previous file is removed once the new
/// one is recorded.
/// </summary>
public sealed class AttachAgreementDocument(AppDbContext db, AllianceAccess access, FileStore files)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string FileArea = "agreements";

    public async Task<Result> ExecuteAsync(Guid allianceId, Guid agreementId, Stream content, string? fileName, CancellationToken ct = default)
    {
        var found = await access.FindAgreementForChangeAsync(allianceId, agreementId, ct);
        if (!found.IsSuccess) return found.Error;
        var file = await CheckedFile.ReadAsync(content, fileName, MaxBytes, FileTypes.DocumentsAndImages, ct);
        if (!file.IsSuccess) return file.Error;

        var agreement = found.Value.Agreement;
        var previous = agreement.DocumentStoredName;
        var stored = await files.SaveAsync(FileArea, file.Value, ct);
        agreement.DocumentFileName = file.Value.FileName;
        agreement.DocumentStoredName = stored;
        agreement.DocumentContentType = file.Value.ContentType;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            files.Delete(FileArea, stored);
            throw;
        }

        files.Delete(FileArea, previous);
        return Result.Ok;
    }
}
