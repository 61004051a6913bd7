namespace CartonaActors.Sandbox.Shopify;

/// <summary>How the emulated shop behaves. Limits, webhook URL and webhook modes may be changed while running;
/// port, version, secrets and clock are read at start.</summary>
public sealed class ShopifyEmulatorOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The one API version served; <c>admin/api/{other}/graphql.json</c> answers 404. From 2026-04 the
    /// <c>@idempotent</c> directive and every row's <c>changeFromQuantity</c> are mandatory on inventorySetQuantities.</summary>
    public string ApiVersion { get; set; } = "2026-04";

    /// <summary>Offline (non-expiring) access tokens accepted; each is its own app with its own cost bucket.</summary>
    public ICollection<string> AccessTokens { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    public string ClientId { get; set; } = "emu-client";

    /// <summary>The app's secret: authenticates refreshes and signs webhooks.</summary>
    public string ClientSecret { get; set; } = "emu-secret";

    public TimeSpan ExpiringTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);
    public int BucketSize { get; set; } = 2000;
    public double RestoreRate { get; set; } = 100;
    public int MaxSingleQueryCost { get; set; } = 1000;
    public int MaxInputArraySize { get; set; } = 250;
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Where order webhooks are POSTed; null sends none.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Every webhook delivered twice with the same X-Shopify-Webhook-Id.</summary>
    public bool DuplicateWebhooks { get; set; }

    /// <summary>Pending deliveries held and sent newest first, in small groups.</summary>
    public bool ReorderWebhooks { get; set; }

    public bool RecordRequestBodies { get; set; }

    /// <summary>Retries after a failed delivery (Shopify makes 8 over 4 h; tests want few and fast).</summary>
    public int WebhookRetries { get; set; } = 3;

    /// <summary>Delay before the first retry; doubled for each next one. Real time, not <see cref="Clock"/>.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long <see cref="ReorderWebhooks"/> gathers events into one group before sending it reversed.</summary>
    public TimeSpan WebhookReorderWindow { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The shop's domain, sent as X-Shopify-Shop-Domain.</summary>
    public string ShopDomain { get; set; } = "emulator.myshopify.com";

    public string ShopName { get; set; } = "Emulator Shop";

    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port));
        ArgumentException.ThrowIfNullOrWhiteSpace(ApiVersion);
        ArgumentNullException.ThrowIfNull(AccessTokens);
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientSecret);
        ArgumentNullException.ThrowIfNull(Clock);
        if (ExpiringTokenLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ExpiringTokenLifetime));
        if (BucketSize <= 0) throw new ArgumentOutOfRangeException(nameof(BucketSize));
        if (RestoreRate <= 0) throw new ArgumentOutOfRangeException(nameof(RestoreRate));
        if (MaxSingleQueryCost <= 0) throw new ArgumentOutOfRangeException(nameof(MaxSingleQueryCost));
        if (MaxInputArraySize <= 0) throw new ArgumentOutOfRangeException(nameof(MaxInputArraySize));
        if (WebhookRetries < 0) throw new ArgumentOutOfRangeException(nameof(WebhookRetries));
        if (WebhookUrl is not null && !Uri.TryCreate(WebhookUrl, UriKind.Absolute, out _))
            throw new ArgumentException("WebhookUrl must be an absolute URL", nameof(WebhookUrl));
    }
}
