using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Statistics.Documents;

public sealed record GenerateDocumentInput(DocumentKind? Kind, Guid? OrganizationId, string? Period);

/// <summary>
/// Generates a 季通报 or 月提醒 for an organization (in the user's scope; otherwise 404) and period, and keeps it: a
/// document of the same kind, organization and period is replaced. The scheduled job calls <see cref="KeepAsync"/>,
/// which leaves a kept document alone; two nodes generating the same one at once meet at the unique index, and the
/// one that loses takes the winner's.
/// </summary>
public sealed class GenerateDocument(
    AppDbContext db, ICurrentUser user, WorkOrderAccess access, QuarterlyBulletinWriter bulletins, MonthlyReminderWriter reminders, TimeProvider clock)
{
    public async Task<Result<DocumentRow>> ExecuteAsync(GenerateDocumentInput input, CancellationToken ct = default)
    {
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) return DocumentErrors.KindRequired;
        if (input.OrganizationId is not { } organizationId) return DocumentErrors.OrganizationRequired;
        var period = DocumentPeriod.Parse(kind, input.Period, ChinaClock.Today(clock));
        if (!period.IsSuccess) return period.Error;
        var result = await GenerateAsync(organizationId, period.Value, replace: true, ct);
        return result.IsSuccess ? result.Value.Row : result.Error;
    }

    /// <summary>For the scheduled job: generates the document unless it is kept already. Written is false when it was.</summary>
    public async Task<Result<(DocumentRow Row, bool Written)>> KeepAsync(Guid organizationId, DocumentPeriod period, CancellationToken ct = default) =>
        await GenerateAsync(organizationId, period, replace: false, ct);

    private async Task<Result<(DocumentRow Row, bool Written)>> GenerateAsync(Guid organizationId, DocumentPeriod period, bool replace, CancellationToken ct)
    {
        var me = await access.MeAsync(ct);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (organization is null || !me.Scope.Covers(organization.Path)) return DocumentErrors.OrganizationNotFound;
        var kind = period.Kind;
        var key = period.Key;
        if (!replace && await FindAsync(kind, organizationId, key, ct) is { } kept) return (DocumentsQuery.Row(kept, organization.Name), false);

        string title;
        byte[] content;
        if (kind == DocumentKind.QuarterlyBulletin)
        {
            var data = await bulletins.ReadAsync(organizationId, period, ct);
            if (!data.IsSuccess) return data.Error;
            title = QuarterlyBulletinWriter.TitleOf(organization.Name, period);
            content = QuarterlyBulletinWriter.Write(data.Value);
        }
        else
        {
            var data = await reminders.ReadAsync(organizationId, period, ct);
            if (!data.IsSuccess) return data.Error;
            title = MonthlyReminderWriter.TitleOf(organization.Name, period);
            content = MonthlyReminderWriter.Write(data.Value);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var system = user.IsSystem();
        void Fill(GeneratedDocument d)
        {
            d.Title = title.Length > GeneratedDocument.TitleMax ? title[..GeneratedDocument.TitleMax] : title;
            d.FileName = FileName(organization.Name, period);
            d.Content = content;
            d.Size = content.Length;
            d.CreatedAt = now;
            d.CreatedBy = system ? null : me.UserId;
            d.CreatedByName = system ? SystemPrincipal.Name : me.Name;
        }

        var document = await FindAsync(kind, organizationId, key, ct, tracked: true);
        if (document is null)
        {
            document = new GeneratedDocument { Id = Guid.CreateVersion7(), Kind = kind, OrganizationId = organizationId, Period = key };
            Fill(document);
            db.GeneratedDocuments.Add(document);
            try
            {
                await db.SaveChangesAsync(ct);
                return (DocumentsQuery.Row(document, organization.Name), true);
            }
            catch (DbUpdateException)
            {
                // Another node (or a second click) inserted the same kind, organization and period first.
                db.ChangeTracker.Clear();
                document = await FindAsync(kind, organizationId, key, ct, tracked: true);
                if (document is null) throw;
                if (!replace) return (DocumentsQuery.Row(document, organization.Name), false);
            }
        }
        else if (!replace) return (DocumentsQuery.Row(document, organization.Name), false);

        Fill(document);
        await db.SaveChangesAsync(ct);
        return (DocumentsQuery.Row(document, organization.Name), true);
    }

    private Task<GeneratedDocument?> FindAsync(DocumentKind kind, Guid organizationId, string period, CancellationToken ct, bool tracked = false)
    {
        var documents = tracked ? db.GeneratedDocuments : db.GeneratedDocuments.AsNoTracking();
        return documents.FirstOrDefaultAsync(d => d.Kind == kind && d.OrganizationId == organizationId && d.Period == period, ct);
    }

    /// <summary>“定海区2026年第三季度季通报.docx”, without the characters a file system refuses.</summary>
    public static string FileName(string organizationName, DocumentPeriod period)
    {
        var name = string.Concat($"{organizationName}{period.Label}{period.Kind.Label()}".Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c));
        return (name.Length > GeneratedDocument.FileNameMax - 5 ? name[..(GeneratedDocument.FileNameMax - 5)] : name) + ".docx";
    }
}

public static class DocumentErrors
{
    public static readonly Error KindRequired = Error.Validation("document.bad_kind", "请选择文档类型：季通报（QuarterlyBulletin）或月提醒（MonthlyReminder）。",
        new Dictionary<string, string[]> { ["kind"] = ["请选择文档类型"] });

    public static readonly Error OrganizationRequired = Error.Validation("document.organization_required", "请选择组织。",
        new Dictionary<string, string[]> { ["organizationId"] = ["请选择组织"] });

    public static readonly Error OrganizationNotFound = Error.NotFound("organization.not_found", "组织不存在，或不在您的管辖范围内。");

    public static readonly Error NotFound = Error.NotFound("document.not_found", "文档不存在，或不在您的管辖范围内。");
}
