using Lianjian.Web.Modules.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianjian.Web.Modules.WorkOrders;

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.ToTable("WorkOrders");
        b.Property(o => o.Id).ValueGeneratedOnAdd();
        b.Ignore(o => o.Number);
        b.Property(o => o.TrackingToken).HasMaxLength(32);
        b.Property(o => o.ClientRequestId).HasMaxLength(WorkOrder.ClientRequestIdMax);
        b.Property(o => o.Description).HasMaxLength(WorkOrder.DescriptionMax);
        b.Property(o => o.Address).HasMaxLength(WorkOrder.AddressMax);
        b.Property(o => o.RequesterName).HasMaxLength(WorkOrder.NameMax);
        b.Property(o => o.RequesterPhone).HasMaxLength(WorkOrder.PhoneMax);
        b.Property(o => o.HandlerName).HasMaxLength(WorkOrder.NameMax);
        b.Property(o => o.RatingComment).HasMaxLength(WorkOrder.NoteMax);
        b.Property(o => o.ResolutionNote).HasMaxLength(WorkOrder.NoteMax);
        b.Property(o => o.LastReason).HasMaxLength(WorkOrder.NoteMax);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<Category>().WithMany().HasForeignKey(o => o.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.PlaceOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.AssigneeOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.HandlerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.TrackingToken).IsUnique();
        b.HasIndex(o => o.ClientRequestId).IsUnique();
        b.HasIndex(o => o.SubmittedAt);
        b.HasIndex(o => new { o.PlaceOrganizationId, o.SubmittedAt });
        b.HasIndex(o => new { o.Status, o.SubmittedAt });
        b.HasIndex(o => new { o.AssigneeOrganizationId, o.Status });
        b.HasIndex(o => new { o.HandlerPersonId, o.Status });
        // The overdue list, most overdue first: only open orders have a DueAt (docs/decisions/0009-work-order-list-filters.md).
        // Place and submission time ride along so the statistics' 超时在办 count reads the index alone.
        b.HasIndex(o => new { o.DueAt, o.PlaceOrganizationId, o.SubmittedAt }).HasFilter("\"DueAt\" IS NOT NULL");
        // Orders whose search terms are still to be computed (written before the column existed): empty once backfilled.
        b.HasIndex(o => o.Id).HasFilter("\"SearchTerms\" IS NULL").HasDatabaseName("IX_WorkOrders_SearchTermsPending");
        // Text search reads SearchTerms through an index the EF model does not describe: an FTS5 table on SQLite, a GIN
        // index on string_to_array("SearchTerms", ' ') on PostgreSQL — both made by the WorkOrderDueAtAndSearch migrations.
    }
}

internal sealed class WorkOrderStepConfiguration : IEntityTypeConfiguration<WorkOrderStep>
{
    public void Configure(EntityTypeBuilder<WorkOrderStep> b)
    {
        b.ToTable("WorkOrderSteps");
        b.Property(s => s.ActorName).HasMaxLength(WorkOrder.NameMax + 20);
        b.Property(s => s.Note).HasMaxLength(WorkOrder.NoteMax);
        b.HasOne(s => s.Order).WithMany().HasForeignKey(s => s.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Photos).WithOne().HasForeignKey(p => p.StepId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.WorkOrderId, s.Id });
        b.HasIndex(s => s.At);
    }
}

internal sealed class WorkOrderPhotoConfiguration : IEntityTypeConfiguration<WorkOrderPhoto>
{
    public void Configure(EntityTypeBuilder<WorkOrderPhoto> b)
    {
        b.ToTable("WorkOrderPhotos");
        b.Property(p => p.StoredName).HasMaxLength(100);
        b.Property(p => p.ContentType).HasMaxLength(100);
        b.HasOne(p => p.Order).WithMany().HasForeignKey(p => p.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.WorkOrderId);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("WorkOrderCategories");
        b.Property(c => c.Code).HasMaxLength(Category.CodeMax);
        b.Property(c => c.Name).HasMaxLength(Category.NameMax);
        b.Property(c => c.Description).HasMaxLength(Category.DescriptionMax);
        b.Ignore(c => c.ResponseLimit);
        b.Ignore(c => c.ResolutionLimit);
        b.HasOne<EscalationLadder>().WithMany().HasForeignKey(c => c.EscalationLadderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class EscalationLadderConfiguration : IEntityTypeConfiguration<EscalationLadder>
{
    public void Configure(EntityTypeBuilder<EscalationLadder> b)
    {
        b.ToTable("EscalationLadders");
        b.Property(l => l.Name).HasMaxLength(EscalationLadder.NameMax);
        b.HasIndex(l => l.Name).IsUnique();
        // A ladder's levels are read and written with it, in order: one JSON column.
        b.OwnsMany(l => l.Levels, levels =>
        {
            levels.ToJson();
            levels.Property(v => v.Name).HasMaxLength(EscalationLevel.NameMax);
        });
    }
}
