using Lianjian.Web.Platform.Files;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>An opened agreement document; the caller disposes <see cref="Content"/>.</summary>
public sealed record AgreementDocument(Stream Content, string FileName, string ContentType);

/// <summary>Opens the agreement's document for a user who may read the alliance (a member organization in their subtree).</summary>
public sealed class OpenAgreementDocument(AppDbContext db, AllianceAccess access, FileStore files)
{
    public async Task<Result<AgreementDocument>> ExecuteAsync(Guid allianceId, Guid agreementId, CancellationToken ct = default)
    {
        var alliance = await access.FindForReadAsync(allianceId, ct);
        if (!alliance.IsSuccess) return alliance.Error;
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId && a.AllianceId == allianceId, ct);
        if (agreement is null) return AllianceErrors.AgreementNotFound();
        if (agreement.DocumentStoredName is null) return AllianceChangeErrors.DocumentMissing();
        var content = files.OpenRead(AttachAgreementDocument.FileArea, agreement.DocumentStoredName);
        if (content is null) return FileErrors.Missing();
        return new AgreementDocument(content, agreement.DocumentFileName ?? "协议文件", agreement.DocumentContentType ?? "application/octet-stream");
    }
}
