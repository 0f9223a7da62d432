using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Statistics.Documents;

/// <summary>A kept document as the documents page and <c>GET /api/statistics/documents</c> list it (without its bytes).</summary>
public sealed record DocumentRow(
    Guid Id, DocumentKind Kind, string KindLabel, Guid OrganizationId, string OrganizationName, string Period, string PeriodLabel,
    string Title, string FileName, int Size, DateTime CreatedAt, string CreatedByName, string DownloadUrl);

public sealed record DocumentFile(string FileName, byte[] Content);

/// <summary>The kept documents of the organizations in the user's scope (or of one subtree), newest first; and one file to download.</summary>
public sealed class DocumentsQuery(AppDbContext db, ICurrentUser user)
{
    public const int MaxRows = 500;

    public async Task<Result<IReadOnlyList<DocumentRow>>> ListAsync(Guid? organizationId, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        IQueryable<Organization> organizations;
        if (organizationId is { } id)
        {
            var path = await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null || !scope.Covers(path)) return DocumentErrors.OrganizationNotFound;
            organizations = db.Organizations.Under(path);
        }
        else organizations = db.Organizations.InScope(scope);

        var rows = await db.GeneratedDocuments.AsNoTracking()
            .Join(organizations, d => d.OrganizationId, o => o.Id, (d, o) => new
            {
                d.Id, d.Kind, d.OrganizationId, OrganizationName = o.Name, d.Period, d.Title, d.FileName, d.Size, d.CreatedAt, d.CreatedByName,
            })
            .OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id)
            .Take(MaxRows)
            .ToListAsync(ct);
        return rows.Select(d => Row(d.Id, d.Kind, d.OrganizationId, d.OrganizationName, d.Period, d.Title, d.FileName, d.Size, d.CreatedAt, d.CreatedByName)).ToList();
    }

    public async Task<Result<DocumentFile>> OpenAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var organizations = db.Organizations.InScope(scope);
        var file = await db.GeneratedDocuments.AsNoTracking()
            .Where(d => d.Id == id && organizations.Any(o => o.Id == d.OrganizationId))
            .Select(d => new DocumentFile(d.FileName, d.Content))
            .FirstOrDefaultAsync(ct);
        return file is null ? DocumentErrors.NotFound : file;
    }

    internal static DocumentRow Row(GeneratedDocument d, string organizationName) =>
        Row(d.Id, d.Kind, d.OrganizationId, organizationName, d.Period, d.Title, d.FileName, d.Size, d.CreatedAt, d.CreatedByName);

    private static DocumentRow Row(Guid id, DocumentKind kind, Guid organizationId, string organizationName, string period, string title, string fileName,
        int size, DateTime createdAt, string createdByName) =>
        new(id, kind, kind.Label(), organizationId, organizationName, period,
            DocumentPeriod.Parse(kind, period, DateOnly.MaxValue) is { IsSuccess: true } p ? p.Value.Label : period,
            title, fileName, size, createdAt, createdByName, $"/api/statistics/documents/{id}/file");
}
