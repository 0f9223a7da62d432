using Lianjian.Web.Modules.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianjian.Web.Modules.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.Property(p => p.Name).HasMaxLength(Person.NameMax);
        b.Property(p => p.Phone).HasMaxLength(20);
        b.Property(p => p.IdNumber).HasMaxLength(18);
        b.Property(p => p.Title).HasMaxLength(50);
        b.Property(p => p.Remark).HasMaxLength(500);
        b.Ignore(p => p.DisplayName);
        b.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.StationedPeriods).WithOne().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.CommunityRegistrations).WithOne().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        // The people list filters by organization and active flag and counts: both in the index (bench/README.md).
        b.HasIndex(p => new { p.OrganizationId, p.IsActive });
        b.HasIndex(p => p.Phone);
        b.HasIndex(p => p.Name);
        b.HasIndex(p => p.IdNumber).IsUnique();
    }
}

internal sealed class StationedPeriodConfiguration : IEntityTypeConfiguration<StationedPeriod>
{
    public void Configure(EntityTypeBuilder<StationedPeriod> b)
    {
        b.ToTable("StationedPeriods");
        b.Property(s => s.Remark).HasMaxLength(500);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommunityRegistrationConfiguration : IEntityTypeConfiguration<CommunityRegistration>
{
    public void Configure(EntityTypeBuilder<CommunityRegistration> b)
    {
        b.ToTable("CommunityRegistrations");
        b.Property(r => r.Post).HasMaxLength(50);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.PersonId, r.CommunityId }).IsUnique();
    }
}
