using CartonaActors.Domain.Secrets;
using CartonaActors.Engine.Configuration;
using CartonaActors.Erp;
using CartonaActors.Erp.Setup;

namespace CartonaActors.Service.Api;

/// <summary>The Odoo transport and settings the setup endpoints use, and why they cannot run, if they cannot.</summary>
public sealed class OdooSetupClient : IDisposable
{
    private readonly Lazy<OdooJsonRpcTransport> _transport;

    public OdooSetupClient(CartonaActorsOptions options)
    {
        var secret = options.ErpSync.WebhookSecret;
        Scrubber = SecretScrubber.For(options.Odoo.Url, options.Odoo.ApiKey, secret);
        Unavailable = !options.ErpEnabled ? "the Odoo connector is not configured (set CartonaActors:Odoo:Url)"
            : PublicAddressProblem(options.Odoo.WebhookBaseUrl);
        WebhookUrl = Unavailable is null ? WebhookRule.UrlFor(options.Odoo.WebhookBaseUrl!, secret) : "";
        _transport = new Lazy<OdooJsonRpcTransport>(() => new OdooJsonRpcTransport(options.Odoo));
    }

    /// <summary>Null when the setup can run; else the reason, for a 409.</summary>
    public string? Unavailable { get; }

    /// <summary>Where the rules post, secret included: pass it only to Odoo.</summary>
    public string WebhookUrl { get; }

    public SecretScrubber Scrubber { get; }

    /// <summary>Serialises runs on this node.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public OdooAutomationSetup Setup => new(_transport.Value);

    public void Dispose()
    {
        if (_transport.IsValueCreated) _transport.Value.Dispose();
        Gate.Dispose();
    }

    private static string? PublicAddressProblem(string? baseUrl) =>
        string.IsNullOrWhiteSpace(baseUrl)
            ? "set CartonaActors:Odoo:WebhookBaseUrl to this service's address as Odoo reaches it (e.g. https://sync.example.com): the rules post there"
            : !Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.UserInfo.Length > 0
                ? $"CartonaActors:Odoo:WebhookBaseUrl '{SecretScrubber.SafeUrl(baseUrl)}' must be an absolute http(s) address without query or credentials"
                : null;
}
