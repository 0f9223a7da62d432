using Lianjian.Web.Platform.Auditing;
using Lianjian.Web.Platform.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lianjian.Web.Platform.Persistence;

/// <summary>
/// The one database of the application. Modules add their entities through <see cref="IEntityTypeConfiguration{T}"/>
/// classes beside the entities and reach them with <c>db.Set&lt;T&gt;()</c> (or the extension properties each
/// module declares), so Platform never references a module. Each provider has a subclass with its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(50);
        });
        builder.Entity<AuditEntry>(b =>
        {
            b.ToTable("AuditEntries");
            b.Property(e => e.UserName).HasMaxLength(256);
            b.Property(e => e.Action).HasMaxLength(32);
            b.Property(e => e.EntityType).HasMaxLength(64);
            b.Property(e => e.EntityId).HasMaxLength(128);
            b.Property(e => e.EntityLabel).HasMaxLength(200);
            b.HasIndex(e => e.At);
            b.HasIndex(e => new { e.EntityType, e.EntityId });
        });
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name (readable in SQL, safe to reorder); times are UTC (DESIGN: store UTC, show China time).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Ancestor paths are compared byte-wise ("everything under 定海区" is a range scan on the path index).
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.Name == "Path"))
        {
            property.SetCollation("C");
        }
    }
}
