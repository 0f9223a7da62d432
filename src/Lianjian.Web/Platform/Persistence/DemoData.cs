namespace Lianjian.Web.Platform.Persistence;

/// <summary>One module's part of the development demo data. Each part must be idempotent.</summary>
public interface IDemoDataSeeder
{
    /// <summary>Lower runs first (organizations before people before accounts).</summary>
    int Order { get; }

    Task SeedAsync(AppDbContext db, IServiceProvider services, CancellationToken ct);
}

public static class DemoData
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(db, scope.ServiceProvider, ct);
        }
    }
}
