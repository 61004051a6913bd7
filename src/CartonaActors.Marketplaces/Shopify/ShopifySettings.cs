namespace CartonaActors.Marketplaces.Shopify;

/// <summary>Shopify's own keys of a connection (<c>Connections:N:Settings</c>). The connection's <c>BaseUrl</c> is the
/// shop (<c>https://{shop}.myshopify.com/</c>) and its <c>Token</c> the Admin API access token.</summary>
public sealed class ShopifySettings
{
    /// <summary>The Admin API version every call is pinned to (the path's <c>/admin/api/{version}/</c>). Shopify
    /// changes contracts per version (2026-04 made <c>changeFromQuantity</c> and <c>@idempotent</c> mandatory on
    /// inventory writes); the client writes to that version's contract, so it is pinned, not "latest".</summary>
    public string ApiVersion { get; set; } = "2026-04";

    /// <summary>The app's client id and secret: the secret signs webhooks (HMAC) and, with the id, refreshes an
    /// expiring offline token. Prefer environment variables (CartonaActors__Connections__N__Settings__ClientSecret).</summary>
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Set for an expiring offline token: the refresh token Shopify issued with it. Shopify rotates it on
    /// every refresh, so the newest pair is kept in <see cref="TokenFile"/> and read from there after a restart.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Where the rotated token pair is kept (required with <see cref="RefreshToken"/>); written owner-only.</summary>
    public string? TokenFile { get; set; }

    /// <summary>The cost bucket assumed until Shopify's first answer reports the real one (Standard plan figures);
    /// from then on every answer's <c>throttleStatus</c> is what counts.</summary>
    public double RestoreRate { get; set; } = 100;
    public int BucketSize { get; set; } = 2000;

    /// <summary>Shopify's single-query limit: no document the client sends asks for more points.</summary>
    public int MaxQueryCost { get; set; } = 1000;

    /// <summary>Sent with a seller cancellation (<c>OrderCancelReason</c>), whether the buyer is refunded to the
    /// original payment, items restocked and the buyer notified.</summary>
    public string CancelReason { get; set; } = "OTHER";
    public bool RefundOnCancel { get; set; } = true;
    public bool RestockOnCancel { get; set; } = true;
    public bool NotifyCustomer { get; set; }

    /// <summary>What an unlimited-stock product is set to (Shopify has no unlimited quantity to set).</summary>
    public int UnlimitedQuantity { get; set; } = 9999;

    /// <summary>Prefix of the ERP customer's external id, before Shopify's customer id. Default
    /// <c>shopify_&lt;connection&gt;_</c>.</summary>
    public string? CustomerRefPrefix { get; set; }
}
