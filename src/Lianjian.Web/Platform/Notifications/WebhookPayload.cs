using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lianjian.Web.Platform.Notifications;

/// <summary>
/// Request bodies in the robots' own JSON formats, and DingTalk's signed URL.
/// DingTalk custom robot: <c>{"msgtype":"markdown","markdown":{"title":…,"text":…}}</c>;
/// WeCom group robot: <c>{"msgtype":"markdown","markdown":{"content":…}}</c> (content at most 4096 bytes).
/// Both answer HTTP 200 with <c>{"errcode":0,"errmsg":"ok"}</c>, and a non-zero errcode when they refuse.
/// </summary>
public static class WebhookPayload
{
    public const int WeComMaxContentBytes = 4096;

    // Chinese stays readable in the stored payload; the robots read UTF-8 JSON either way.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Build(WebhookFormat format, NotificationMessage message, string? publicUrl)
    {
        var link = AbsoluteLink(publicUrl, message.Link);
        var text = new StringBuilder();
        text.Append("#### ").Append(OneLine(message.Title)).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(message.Body)) text.Append(message.Body.Trim()).Append("\n\n");
        if (link is not null) text.Append("[查看详情](").Append(link).Append(')');

        JsonObject body = format switch
        {
            WebhookFormat.WeCom => new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject { ["content"] = FitBytes(text.ToString().TrimEnd(), WeComMaxContentBytes) },
            },
            _ => new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject { ["title"] = OneLine(message.Title), ["text"] = text.ToString().TrimEnd() },
            },
        };
        return body.ToJsonString(Json);
    }

    /// <summary>DingTalk 加签: HMAC-SHA256 over "timestamp\nsecret" with the secret, Base64, URL-encoded, added to the URL with the timestamp in milliseconds.</summary>
    public static string SignedDingTalkUrl(string url, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret));
        var sign = Uri.EscapeDataString(Convert.ToBase64String(hash));
        return url + (url.Contains('?') ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + sign;
    }

    /// <summary>The robot's own verdict in a 2xx answer: null when it accepted the message, else its error.</summary>
    public static string? RobotError(string responseBody)
    {
        try
        {
            using var doc = JsonDocument.Parse(responseBody);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("errcode", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt64() != 0)
            {
                var message = doc.RootElement.TryGetProperty("errmsg", out var m) ? m.ToString() : "";
                return $"errcode {code.GetInt64()}: {message}";
            }

            return null;
        }
        catch (JsonException)
        {
            // Not a robot's JSON answer (a relay or a test receiver): the HTTP status decides.
            return null;
        }
    }

    private static string? AbsoluteLink(string? publicUrl, string? link)
    {
        if (string.IsNullOrEmpty(link) || string.IsNullOrEmpty(publicUrl)) return null;
        return publicUrl.TrimEnd('/') + link;
    }

    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Trim();

    private static string FitBytes(string value, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(value) <= maxBytes) return value;
        var end = value.Length;
        while (end > 0 && Encoding.UTF8.GetByteCount(value.AsSpan(0, end)) > maxBytes - 3) end--;
        if (end > 0 && char.IsHighSurrogate(value[end - 1])) end--;
        return value[..end] + "…";
    }
}
