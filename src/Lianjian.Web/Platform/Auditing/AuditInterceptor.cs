using System.Text.Json;
using Lianjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lianjian.Web.Platform.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted <see cref="IAudited"/> row, in the same
/// transaction as the change itself, so the log can never disagree with the data.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    // Enums by name ("Negotiating" → "Signed"), as they are stored; numbers would mean nothing to the admin reading the log.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddEntries(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            var changes = Describe(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            var audited = (IAudited)entry.Entity;
            context.Add(new AuditEntry
            {
                At = now,
                UserId = currentUser.UserId,
                UserName = currentUser.IsAuthenticated ? currentUser.UserName : "系统",
                Action = entry.State switch
                {
                    EntityState.Added => "Created",
                    EntityState.Deleted => "Deleted",
                    _ => "Updated",
                },
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => KeyText(entry.Property(p.Name).CurrentValue))),
                EntityLabel = Truncate(audited.AuditLabel, 200),
                ScopeOrganizationId = audited.AuditScopeOrganizationId,
                Changes = JsonSerializer.Serialize(changes, Json),
            });
        }
    }

    private static Dictionary<string, object?[]> Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsShadowProperty() || property.Metadata.IsConcurrencyToken) continue;
            var name = property.Metadata.Name;
            switch (entry.State)
            {
                case EntityState.Added:
                    if (property.CurrentValue is not null) changes[name] = [null, Plain(property.CurrentValue)];
                    break;
                case EntityState.Deleted:
                    changes[name] = [Plain(property.OriginalValue), null];
                    break;
                default:
                    if (property.IsModified && !Equals(Plain(property.OriginalValue), Plain(property.CurrentValue)))
                        changes[name] = [Plain(property.OriginalValue), Plain(property.CurrentValue)];
                    break;
            }
        }

        return changes;
    }

    // Lists (skills, tags) compare and print by content.
    private static object? Plain(object? value) => value is System.Collections.IEnumerable list and not string
        ? string.Join("、", list.Cast<object?>())
        : value;

    // Keys read the same on every server: a date key (a calendar day) as 2026-02-14, never in the host's culture.
    private static string? KeyText(object? value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
