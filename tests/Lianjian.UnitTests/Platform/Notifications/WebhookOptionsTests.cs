using Lianjian.Web.Platform.Notifications;

namespace Lianjian.UnitTests.Platform.Notifications;

public class WebhookOptionsTests
{
    private static WebhookEndpoint Ding(string name = "ding", string url = "https://oapi.dingtalk.com/robot/send?access_token=abc") =>
        new() { Name = name, Url = url, Format = WebhookFormat.DingTalk };

    private static IReadOnlyList<string> Errors(WebhookOptions options) =>
        new WebhookOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void AValidConfiguration_Passes()
    {
        var options = new WebhookOptions
        {
            PublicBaseUrl = "https://lianjian.example.cn",
            Webhooks = [Ding(), new WebhookEndpoint { Name = "wecom", Url = "http://10.0.0.5/cgi-bin/webhook/send?key=k", Format = WebhookFormat.WeCom, Topics = ["work_order."] }],
        };
        Assert.Empty(Errors(options));
    }

    [Theory]
    [InlineData("ftp://example.cn/robot")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/robot/send")]
    [InlineData("")]
    public void OnlyAbsoluteHttpAndHttpsUrls_AreAccepted(string url)
    {
        var error = Assert.Single(Errors(new WebhookOptions { Webhooks = [Ding(url: url)] }));
        Assert.StartsWith("Lianjian:Webhooks:0:Url must be an absolute http:// or https:// address", error);
    }

    [Fact]
    public void AWrongUrl_IsShownOnlyInPart_ForItMayCarryAKey()
    {
        var error = Assert.Single(Errors(new WebhookOptions { Webhooks = [Ding(url: "ftp://example.cn/robot/send?access_token=SECRETSECRETSECRET")] }));
        Assert.DoesNotContain("SECRETSECRETSECRET", error);
    }

    [Fact]
    public void NamesAreRequiredAndUnique()
    {
        var errors = Errors(new WebhookOptions { Webhooks = [Ding(), Ding(), Ding(name: " ")] });
        Assert.Contains(errors, e => e.StartsWith("Lianjian:Webhooks:1:Name \"ding\" is used by another webhook", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Lianjian:Webhooks:2:Name is required", StringComparison.Ordinal));
    }

    [Fact]
    public void ASecret_IsOnlyForDingTalk()
    {
        var error = Assert.Single(Errors(new WebhookOptions { Webhooks = [new WebhookEndpoint { Name = "w", Url = "https://qyapi.weixin.qq.com/x", Format = WebhookFormat.WeCom, Secret = "s" }] }));
        Assert.Contains("Secret is only for DingTalk", error);
    }

    [Fact]
    public void PublicBaseUrl_MustBeHttpOrHttps()
    {
        var error = Assert.Single(Errors(new WebhookOptions { PublicBaseUrl = "lianjian.example.cn" }));
        Assert.StartsWith("Lianjian:PublicBaseUrl", error);
    }

    [Theory]
    [InlineData(new string[0], "work_order.dispatched", true)]
    [InlineData(new[] { "work_order." }, "work_order.dispatched", true)]
    [InlineData(new[] { "work_order.escalated" }, "work_order.dispatched", false)]
    [InlineData(new[] { "activity.", "work_order.escalated" }, "work_order.escalated", true)]
    public void Topics_ArePrefixes_AndNoneMeansAll(string[] topics, string topic, bool receives)
    {
        Assert.Equal(receives, new WebhookEndpoint { Name = "x", Url = "https://x", Topics = [.. topics] }.Receives(topic));
    }

    [Fact]
    public void MaskedUrl_ShowsOnlySchemeAndHost()
    {
        Assert.Equal("https://oapi.dingtalk.com/***", Ding().MaskedUrl);
    }

    [Fact]
    public void Backoff_GrowsFromOneMinute_AndTheSenderGivesUpAfterEightAttempts()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), OutboxMessage.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(5), OutboxMessage.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(30), OutboxMessage.Backoff(3));
        var waits = Enumerable.Range(1, OutboxMessage.MaxAttempts - 1).Select(OutboxMessage.Backoff).ToList();
        Assert.Equal(waits.Order(), waits);
        Assert.Equal(8, OutboxMessage.MaxAttempts);
        Assert.True(new OutboxMessage { Attempts = 8 }.HasFailed);
        Assert.False(new OutboxMessage { Attempts = 8, SentAt = DateTime.UtcNow }.HasFailed);
    }
}
