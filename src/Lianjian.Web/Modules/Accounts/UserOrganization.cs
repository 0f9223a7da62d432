using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Auditing;
using Lianjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianjian.Web.Modules.Accounts;

/// <summary>An organization a user acts for; the user's data scope is the union of these subtrees.</summary>
public sealed class UserOrganization : IAudited
{
    public Guid UserId { get; set; }

    public Guid OrganizationId { get; set; }

    Guid? IAudited.AuditScopeOrganizationId => OrganizationId;

    string IAudited.AuditLabel => "账号所属组织";
}

internal sealed class UserOrganizationConfiguration : IEntityTypeConfiguration<UserOrganization>
{
    public void Configure(EntityTypeBuilder<UserOrganization> b)
    {
        b.ToTable("UserOrganizations");
        b.HasKey(u => new { u.UserId, u.OrganizationId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.OrganizationId);
    }
}
