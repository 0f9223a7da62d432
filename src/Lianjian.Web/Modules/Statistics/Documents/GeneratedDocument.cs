using Lianjian.Web.Modules.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianjian.Web.Modules.Statistics.Documents;

/// <summary>Which statistics document: the 季通报 of a quarter, or the 月提醒 of a month.</summary>
public enum DocumentKind
{
    /// <summary>季通报: a quarter's figures for an organization and its sub-organizations, ranked, with the named overdue orders.</summary>
    QuarterlyBulletin,

    /// <summary>月提醒: per responsible organization, the overdue and nearly-due open orders, at the time it was generated.</summary>
    MonthlyReminder,
}

public static class DocumentKindLabels
{
    public static string Label(this DocumentKind kind) => kind switch
    {
        DocumentKind.QuarterlyBulletin => "季通报",
        DocumentKind.MonthlyReminder => "月提醒",
        _ => kind.ToString(),
    };
}

/// <summary>
/// A generated Word document, kept so it can be downloaded again: one per kind, organization and period (generating it
/// again replaces it). The file lives in the row, not on a node's disk, so every app node serves the same one and a
/// backup of the database holds it; a document is tens of kilobytes. Not audited: its bytes are not a change anyone made
/// to the data, and <see cref="CreatedBy"/> says who asked for it.
/// </summary>
public sealed class GeneratedDocument
{
    public const int TitleMax = 200;
    public const int FileNameMax = 200;
    public const int PeriodMax = 7;

    public Guid Id { get; set; }

    public DocumentKind Kind { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>“2026-Q3” for a quarter, “2026-11” for a month (<see cref="DocumentPeriod"/>).</summary>
    public string Period { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The download name, e.g. “定海区2026年第三季度联建工作通报.docx”.</summary>
    public string FileName { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public int Size { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The account that generated it; null when the scheduled job did.</summary>
    public Guid? CreatedBy { get; set; }

    public string CreatedByName { get; set; } = "";
}

internal sealed class GeneratedDocumentConfiguration : IEntityTypeConfiguration<GeneratedDocument>
{
    public void Configure(EntityTypeBuilder<GeneratedDocument> b)
    {
        b.ToTable("GeneratedDocuments");
        b.Property(d => d.Period).HasMaxLength(GeneratedDocument.PeriodMax);
        b.Property(d => d.Title).HasMaxLength(GeneratedDocument.TitleMax);
        b.Property(d => d.FileName).HasMaxLength(GeneratedDocument.FileNameMax);
        b.Property(d => d.CreatedByName).HasMaxLength(256);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // One kept document per kind, organization and period: two nodes generating the same one at once cannot both insert.
        b.HasIndex(d => new { d.Kind, d.OrganizationId, d.Period }).IsUnique();
        b.HasIndex(d => new { d.OrganizationId, d.CreatedAt });
    }
}

public static class DocumentsDb
{
    extension(Platform.Persistence.AppDbContext db)
    {
        public DbSet<GeneratedDocument> GeneratedDocuments => db.Set<GeneratedDocument>();
    }
}
