using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianjian.Web.Modules.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("Organizations");
        b.Property(o => o.Name).HasMaxLength(Organization.NameMax);
        b.Property(o => o.Path).HasMaxLength(1024);
        b.Property(o => o.Code).HasMaxLength(50);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.ContactName).HasMaxLength(50);
        b.Property(o => o.ContactPhone).HasMaxLength(20);
        b.Property(o => o.Description).HasMaxLength(2000);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.Path).IsUnique();
        b.HasIndex(o => new { o.ParentId, o.SortOrder });
        b.HasIndex(o => o.Name);
    }
}
