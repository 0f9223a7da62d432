using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lianjian.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (SQLite, demo data) and Debian's chromium driven by Playwright.
/// Screenshots go to $LIANJIAN_ARTIFACTS/screenshots (artifacts/ci/files/screenshots under scripts/test.sh).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lianjian-bt-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public string DataDirectory => _dataDirectory;

    /// <summary>The app's services, for arranging what a page should show (e.g. notifications through the real Notifier).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("not started");

    public static string ScreenshotDirectory
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("LIANJIAN_ARTIFACTS") ?? Path.Combine(Path.GetTempPath(), "lianjian-artifacts");
            var dir = Path.Combine(root, "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _factory = new Factory(_dataDirectory);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);

        // Expect(...) gives up after 5 s by default; a busy 2-core CI machine needs the same patience as the page timeouts.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPage(int width = 1440, int height = 900, bool mobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            DeviceScaleFactor = mobile ? 2 : 1,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        return await context.NewPageAsync();
    }

    public static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Signs in through the sign-in page as a demo account and waits for the landing page.</summary>
    public static async Task SignIn(IPage page, string userName, string loginPath = "/login")
    {
        await page.GotoAsync(loginPath);
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", Lianjian.Web.Modules.Accounts.DemoSignIns.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Interactive pages render first statically; the admin layout sets this marker once the circuit is live.</summary>
    public static Task WaitInteractive(IPage page) =>
        page.WaitForSelectorAsync("#interactive-ready[data-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class Factory(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Lianjian:DataDirectory", dataDirectory);
            builder.UseSetting("Lianjian:Database:Provider", "Sqlite");
            builder.UseSetting("Lianjian:Database:ConnectionString", "");
            builder.UseSetting("Lianjian:SeedDemoData", "true");
            builder.UseSetting("Lianjian:MigrateOnStartup", "true");
            // A robot nobody listens for (port 9 on this machine refuses): the SendOutbox job, running as in production,
            // records the failures that /admin/webhooks shows. Only the browser tests' own topics go to it.
            builder.UseSetting("Lianjian:Webhooks:0:Name", "dinghai-dingtalk");
            builder.UseSetting("Lianjian:Webhooks:0:Url", "http://127.0.0.1:9/robot/send?access_token=browser-test-token");
            builder.UseSetting("Lianjian:Webhooks:0:Format", "DingTalk");
            builder.UseSetting("Lianjian:Webhooks:0:Topics:0", "browser.");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
