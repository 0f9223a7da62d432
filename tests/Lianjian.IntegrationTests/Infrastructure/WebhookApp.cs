using Lianjian.Web.Platform.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lianjian.IntegrationTests.Infrastructure;

/// <summary>
/// The app with webhooks that point at a real loopback <see cref="WebhookReceiver"/> and a clock the tests move
/// forward. A database of its own (not the shared one), so its robots and clock touch no other test.
/// </summary>
public abstract class WebhookApp(DatabaseProvider provider) : LianjianFactory(provider)
{
    public const string PublicBaseUrl = "https://lianjian.example.cn";
    public const string DingTalkSecret = "SECtest-signing-secret";

    public WebhookReceiver Receiver { get; private set; } = null!;

    public TestClock Clock { get; } = new();

    public override async Task InitializeAsync()
    {
        Receiver = WebhookReceiver.Start();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Lianjian:PublicBaseUrl", PublicBaseUrl);
        Webhook(builder, 0, "ding", "/ding?access_token=token-ding", "DingTalk", ["test.both", "test.ding"], DingTalkSecret);
        Webhook(builder, 1, "wecom", "/wecom?key=key-wecom", "WeCom", ["test.both", "test.wecom"]);
        Webhook(builder, 2, "failing", "/fail", "DingTalk", ["test.fail"]);
        Webhook(builder, 3, "race", "/race", "WeCom", ["test.race"]);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    private void Webhook(IWebHostBuilder builder, int i, string name, string path, string format, string[] topics, string? secret = null)
    {
        builder.UseSetting($"Lianjian:Webhooks:{i}:Name", name);
        builder.UseSetting($"Lianjian:Webhooks:{i}:Url", Receiver.BaseUrl + path);
        builder.UseSetting($"Lianjian:Webhooks:{i}:Format", format);
        for (var t = 0; t < topics.Length; t++) builder.UseSetting($"Lianjian:Webhooks:{i}:Topics:{t}", topics[t]);
        if (secret is not null) builder.UseSetting($"Lianjian:Webhooks:{i}:Secret", secret);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class SqliteWebhookApp() : WebhookApp(DatabaseProvider.Sqlite);

public sealed class PostgresWebhookApp() : WebhookApp(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteWebhookCollection : ICollectionFixture<SqliteWebhookApp>
{
    public const string Name = "sqlite-webhooks";
}

[CollectionDefinition(Name)]
public sealed class PostgresWebhookCollection : ICollectionFixture<PostgresWebhookApp>
{
    public const string Name = "postgres-webhooks";
}
