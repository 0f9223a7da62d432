using Microsoft.Extensions.Options;

namespace Lianjian.Web.Platform.Notifications;

/// <summary>The group-chat robots that receive notifications: <c>Lianjian:Webhooks</c> and <c>Lianjian:PublicBaseUrl</c> (README "Configuration").</summary>
public sealed class WebhookOptions
{
    public List<WebhookEndpoint> Webhooks { get; set; } = [];

    /// <summary>
    /// <c>Lianjian:PublicBaseUrl</c>, the one site address also used by the QR codes (<see cref="Persistence.LianjianOptions.PublicBaseUrl"/>):
    /// links in robot messages start with it, and without it messages carry no link. Checked here at start-up.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public WebhookEndpoint? Find(string name) => Webhooks.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal));
}

public sealed class WebhookEndpoint
{
    /// <summary>Stored with each outbox message; renaming an endpoint orphans its unsent messages.</summary>
    public string Name { get; set; } = "";

    /// <summary>The robot's address with its key, e.g. <c>https://oapi.dingtalk.com/robot/send?access_token=…</c>.</summary>
    public string Url { get; set; } = "";

    public WebhookFormat Format { get; set; } = WebhookFormat.DingTalk;

    /// <summary>Topic prefixes this robot receives (<c>work_order.</c>, <c>work_order.escalated</c>); empty means every topic.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>DingTalk only: the robot's signing secret (安全设置 → 加签). Keyword and IP settings need nothing here.</summary>
    public string? Secret { get; set; }

    public bool Receives(string topic) => Topics.Count == 0 || Topics.Any(p => topic.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The URL as admins see it: scheme and host only, the path and key hidden.</summary>
    public string MaskedUrl => Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/***" : "***";
}

/// <summary>Which robot's JSON format a webhook takes.</summary>
public enum WebhookFormat
{
    /// <summary>钉钉自定义机器人.</summary>
    DingTalk,

    /// <summary>企业微信群机器人.</summary>
    WeCom,
}

/// <summary>Checked at start-up, so that a wrong webhook setting stops the app with a clear message instead of failing silently later.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var webhook = options.Webhooks[i];
            var key = $"Lianjian:Webhooks:{i}";
            if (string.IsNullOrWhiteSpace(webhook.Name))
                errors.Add($"{key}:Name is required (a short name such as \"dingtalk-dinghai\").");
            else if (webhook.Name.Length > OutboxMessage.EndpointMaxLength)
                errors.Add($"{key}:Name must be at most {OutboxMessage.EndpointMaxLength} characters.");
            else if (options.Webhooks.Take(i).Any(w => w.Name == webhook.Name))
                errors.Add($"{key}:Name \"{webhook.Name}\" is used by another webhook; names must be unique.");

            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                errors.Add($"{key}:Url must be an absolute http:// or https:// address (got \"{Shorten(webhook.Url)}\").");

            if (!Enum.IsDefined(webhook.Format))
                errors.Add($"{key}:Format must be DingTalk or WeCom.");

            if (webhook.Topics.Any(string.IsNullOrWhiteSpace))
                errors.Add($"{key}:Topics must not hold empty entries (leave Topics out to receive every topic).");

            if (webhook.Secret is { Length: > 0 } && webhook.Format != WebhookFormat.DingTalk)
                errors.Add($"{key}:Secret is only for DingTalk robots (WeCom robots carry their key in the Url).");
        }

        if (options.PublicBaseUrl is { Length: > 0 } publicUrl
            && (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var site) || (site.Scheme != Uri.UriSchemeHttp && site.Scheme != Uri.UriSchemeHttps)))
            errors.Add($"Lianjian:PublicBaseUrl must be an absolute http:// or https:// address (got \"{Shorten(publicUrl)}\").");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // A wrong URL may still carry a key: show only its start.
    private static string Shorten(string? value) => value is null ? "" : value.Length <= 24 ? value : value[..24] + "…";
}
