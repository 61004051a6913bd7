namespace CartonaActors.Erp.Setup;

/// <summary>The automation rule the service needs on one model: "On save", one "Send Webhook Notification" action
/// posting to <paramref name="Url"/> (which carries the webhook secret: show it only through
/// <see cref="CartonaActors.Domain.Secrets.SecretScrubber.SafeUrl"/>).</summary>
public sealed record WebhookRule(string Model, string Name, string Url)
{
    /// <summary>The trigger: on create and on every write ("On save").</summary>
    public const string Trigger = "on_create_or_write";

    /// <summary>How the service recognises its own rules: the name, stable across runs.</summary>
    public static string NameFor(string model) => $"CartonaActors: {model}";

    /// <summary>The service's webhook address under <paramref name="publicBaseUrl"/>, with the secret as its token.</summary>
    public static string UrlFor(string publicBaseUrl, string secret) =>
        $"{publicBaseUrl.TrimEnd('/')}/webhooks/odoo?token={Uri.EscapeDataString(secret)}";

    public static WebhookRule For(string model, string url) => new(model, NameFor(model), url);
}
