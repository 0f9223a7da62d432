using Microsoft.AspNetCore.Identity;

namespace Lianjian.Web.Platform.Identity;

/// <summary>A sign-in account. Which organizations it acts for is kept by the Accounts module.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>The person record this account belongs to, when it has one (a member signing in on the phone).</summary>
    public Guid? PersonId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name) : base(name)
    {
    }
}
