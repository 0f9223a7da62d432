using Lianjian.Web.Modules.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianjian.Web.Modules.Alliances;

internal sealed class AllianceConfiguration : IEntityTypeConfiguration<Alliance>
{
    public void Configure(EntityTypeBuilder<Alliance> b)
    {
        b.ToTable("Alliances");
        b.Property(a => a.Name).HasMaxLength(100);
        b.Property(a => a.Description).HasMaxLength(2000);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.AllianceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.Name);
    }
}

internal sealed class AllianceMemberConfiguration : IEntityTypeConfiguration<AllianceMember>
{
    public void Configure(EntityTypeBuilder<AllianceMember> b)
    {
        b.ToTable("AllianceMembers");
        b.HasKey(m => new { m.AllianceId, m.OrganizationId });
        b.Property(m => m.Role).HasMaxLength(50);
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.OrganizationId);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.ToTable("Agreements");
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.Terms).HasMaxLength(20000);
        b.Property(a => a.EvaluationRemark).HasMaxLength(2000);
        b.Property(a => a.DocumentFileName).HasMaxLength(255);
        b.Property(a => a.DocumentStoredName).HasMaxLength(100);
        b.Property(a => a.DocumentContentType).HasMaxLength(100);
        b.HasOne<Alliance>().WithMany().HasForeignKey(a => a.AllianceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.AllianceId);
    }
}

internal sealed class JointMeetingConfiguration : IEntityTypeConfiguration<JointMeeting>
{
    public void Configure(EntityTypeBuilder<JointMeeting> b)
    {
        b.ToTable("JointMeetings");
        b.Property(m => m.Place).HasMaxLength(200);
        b.Property(m => m.Topic).HasMaxLength(200);
        b.Property(m => m.Minutes).HasMaxLength(20000);
        b.HasOne<Alliance>().WithMany().HasForeignKey(m => m.AllianceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.AllianceId, m.HeldAt });
    }
}
