using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Lianjian.IntegrationTests;

/// <summary>A wrong robot setting stops the app at start-up with a message that names the key.</summary>
public sealed class WebhookSettingsTests
{
    private sealed class Misconfigured(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Lianjian:DataDirectory", dataDirectory);
            builder.UseSetting("Lianjian:Database:Provider", "Sqlite");
            builder.UseSetting("Lianjian:Jobs:Enabled", "false");
            builder.UseSetting("Lianjian:Webhooks:0:Name", "dinghai-dingtalk");
            builder.UseSetting("Lianjian:Webhooks:0:Url", "oapi.dingtalk.com/robot/send?access_token=secret-token");
            builder.UseSetting("Lianjian:Webhooks:0:Format", "DingTalk");
        }
    }

    [Fact]
    public async Task AUrlWithoutHttpOrHttps_StopsTheAppAtStart_NamingTheKey()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "lianjian-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            await using var factory = new Misconfigured(dataDirectory);
            var error = Assert.Throws<OptionsValidationException>(() => factory.Server);
            Assert.Contains("Lianjian:Webhooks:0:Url must be an absolute http:// or https:// address", error.Message);
            Assert.DoesNotContain("secret-token", error.Message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
