using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Open311;

/// <summary>A fixed demo key, so a developer can try POST requests at once (listed on the sign-in page in development only).</summary>
internal sealed class Open311DemoData(TimeProvider clock) : IDemoDataSeeder
{
    public const string DemoKey = "demo-open311-key-lianjian";

    public int Order => 95;

    public async Task SeedAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var hash = Open311ApiKey.Hash(DemoKey);
        if (await db.Open311ApiKeys.AnyAsync(k => k.KeyHash == hash, ct)) return;
        db.Open311ApiKeys.Add(new Open311ApiKey
        {
            Id = Guid.CreateVersion7(), Name = "演示客户端", KeyHash = hash, Prefix = DemoKey[..Open311ApiKey.PrefixLength],
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByName = "演示数据",
        });
        await db.SaveChangesAsync(ct);
    }
}
