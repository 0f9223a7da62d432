using System.Text;
using System.Text.Json;
using Lianjian.Web.Platform.Notifications;

namespace Lianjian.UnitTests.Platform.Notifications;

public class WebhookPayloadTests
{
    private static readonly NotificationMessage Dispatched = new("work_order.dispatched", "工单 GD-20261124-000123 已派给您",
        "龙泉村干斜岗弄路面修复，请在 2 个工作日内响应。", "/admin/work-orders/123");

    [Fact]
    public void DingTalk_IsAMarkdownMessageWithTitleAndText()
    {
        var json = JsonDocument.Parse(WebhookPayload.Build(WebhookFormat.DingTalk, Dispatched, "https://lianjian.example.cn/")).RootElement;

        Assert.Equal("markdown", json.GetProperty("msgtype").GetString());
        var markdown = json.GetProperty("markdown");
        Assert.Equal(["text", "title"], markdown.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("工单 GD-20261124-000123 已派给您", markdown.GetProperty("title").GetString());
        var text = markdown.GetProperty("text").GetString()!;
        Assert.StartsWith("#### 工单 GD-20261124-000123 已派给您\n\n龙泉村干斜岗弄路面修复", text);
        Assert.EndsWith("[查看详情](https://lianjian.example.cn/admin/work-orders/123)", text);
    }

    [Fact]
    public void WeCom_IsAMarkdownMessageWithContentOnly()
    {
        var json = JsonDocument.Parse(WebhookPayload.Build(WebhookFormat.WeCom, Dispatched, "https://lianjian.example.cn")).RootElement;

        Assert.Equal("markdown", json.GetProperty("msgtype").GetString());
        var markdown = json.GetProperty("markdown");
        Assert.Equal(["content"], markdown.EnumerateObject().Select(p => p.Name));
        var content = markdown.GetProperty("content").GetString()!;
        Assert.Contains("工单 GD-20261124-000123 已派给您", content);
        Assert.Contains("请在 2 个工作日内响应", content);
        Assert.Contains("(https://lianjian.example.cn/admin/work-orders/123)", content);
    }

    [Fact]
    public void WithoutPublicBaseUrl_TheMessageCarriesNoLink()
    {
        var payload = WebhookPayload.Build(WebhookFormat.DingTalk, Dispatched, publicUrl: null);
        Assert.DoesNotContain("查看详情", payload);
        Assert.DoesNotContain("/admin/work-orders/123", payload);
    }

    [Fact]
    public void ChineseIsStoredReadable_NotEscaped()
    {
        var payload = WebhookPayload.Build(WebhookFormat.WeCom, Dispatched, null);
        Assert.Contains("龙泉村", payload);
        Assert.DoesNotContain("\\u", payload);
    }

    [Fact]
    public void WeCom_ContentIsCutToTheRobotsLimitOf4096Bytes()
    {
        var message = new NotificationMessage("test", "长消息", new string('路', 3000));
        var content = JsonDocument.Parse(WebhookPayload.Build(WebhookFormat.WeCom, message, null)).RootElement
            .GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.True(Encoding.UTF8.GetByteCount(content) <= WebhookPayload.WeComMaxContentBytes);
        Assert.EndsWith("…", content);
    }

    [Fact]
    public void DingTalkSignature_IsHmacSha256OfTimestampAndSecret()
    {
        // Expected value computed independently (Python hmac/hashlib/base64/quote_plus) for secret SECabc123 at 1700000000000 ms.
        var url = WebhookPayload.SignedDingTalkUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", "SECabc123",
            DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        Assert.Equal("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=N5P09a4%2Bp1AMJIJWnIvQd2Yxw9%2Bfu%2FoEBnPrjCcsLXk%3D", url);
    }

    [Theory]
    [InlineData("{\"errcode\":0,\"errmsg\":\"ok\"}", null)]
    [InlineData("{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}", "errcode 310000: keywords not in content")]
    [InlineData("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}", "errcode 93000: invalid webhook url")]
    [InlineData("ok", null)]
    [InlineData("", null)]
    public void RobotError_ReadsTheRobotsVerdictFromA2xxAnswer(string body, string? expected)
    {
        Assert.Equal(expected, WebhookPayload.RobotError(body));
    }
}
