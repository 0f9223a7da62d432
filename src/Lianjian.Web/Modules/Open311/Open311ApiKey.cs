using System.Security.Cryptography;
using System.Text;
using Lianjian.Web.Platform.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianjian.Web.Modules.Open311;

/// <summary>
/// Open311 接口密钥: identifies one client system that may submit requests (POST requests.{format}). Only the SHA-256 of
/// the key is stored; the key itself is shown once, when it is issued. A revoked key answers 403 from then on.
/// </summary>
public sealed class Open311ApiKey : IAudited
{
    public const int NameMax = 50;
    public const int PrefixLength = 8;
    public const int KeyMax = 200;

    public Guid Id { get; set; }

    /// <summary>Who the client is (e.g. “市12345热线对接”).</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>The first characters of the key, shown in lists so an admin can tell keys apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedByName { get; set; } = "";

    public DateTime? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key: 40 characters from a 62-letter alphabet (≈ 238 bits).</summary>
    public static string NewKey() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40);

    // Keys belong to no subtree: issuing and revoking show in the unscoped (system and committee admin) audit view.
    Guid? IAudited.AuditScopeOrganizationId => null;

    string IAudited.AuditLabel => Name;
}

internal sealed class Open311ApiKeyConfiguration : IEntityTypeConfiguration<Open311ApiKey>
{
    public void Configure(EntityTypeBuilder<Open311ApiKey> b)
    {
        b.ToTable("Open311ApiKeys");
        b.Property(k => k.Name).HasMaxLength(Open311ApiKey.NameMax);
        b.Property(k => k.KeyHash).HasMaxLength(64);
        b.Property(k => k.Prefix).HasMaxLength(Open311ApiKey.PrefixLength);
        b.Property(k => k.CreatedByName).HasMaxLength(256);
        b.Ignore(k => k.IsActive);
        b.HasIndex(k => k.KeyHash).IsUnique();
    }
}
