namespace CartonaActors.Sandbox.Ebay;

/// <summary>How the emulated eBay seller account behaves. Limits and the cancellation window may be changed while
/// running; port, credentials and clock are read at start.</summary>
public sealed class EbayEmulatorOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The app id (OAuth client_id) the token endpoint expects in its Basic credentials.</summary>
    public string ClientId { get; set; } = "emu-app-id";

    /// <summary>The cert id (OAuth client_secret).</summary>
    public string ClientSecret { get; set; } = "emu-cert-id";

    /// <summary>Refresh tokens accepted by the token endpoint. eBay's are long-lived (~18 months) and not rotated on use.</summary>
    public ICollection<string> RefreshTokens { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>eBay user access tokens live about two hours.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>eBay: a listing may be revised at most 250 times per calendar day.</summary>
    public int RevisionsPerListingPerDay { get; set; } = 250;

    /// <summary>The zone whose calendar day resets the revision cap and the daily call quotas (eBay's are Pacific time).</summary>
    public TimeZoneInfo RevisionDayZone { get; set; } = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    /// <summary>Default daily quota of the Inventory API per app.</summary>
    public int InventoryCallsPerDay { get; set; } = 2_000_000;

    /// <summary>Default daily quota of the Fulfillment API per app.</summary>
    public int FulfillmentCallsPerDay { get; set; } = 100_000;

    /// <summary>bulkUpdatePriceQuantity takes up to 25 entries.</summary>
    public int MaxBulkRequests { get; set; } = 25;

    public string MarketplaceId { get; set; } = "EBAY_US";

    /// <summary>The only currency prices may be given in, and the one orders are in.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Post-Order cancellation cutoff after purchase; eBay documents 1 hour for EBAY_US. A shipped order is never eligible.</summary>
    public TimeSpan CancellationWindow { get; set; } = TimeSpan.FromHours(1);

    public bool RecordRequestBodies { get; set; }

    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port));
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientSecret);
        ArgumentNullException.ThrowIfNull(RefreshTokens);
        ArgumentNullException.ThrowIfNull(Clock);
        ArgumentNullException.ThrowIfNull(RevisionDayZone);
        ArgumentException.ThrowIfNullOrWhiteSpace(MarketplaceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(Currency);
        if (AccessTokenLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(AccessTokenLifetime));
        if (RevisionsPerListingPerDay < 1) throw new ArgumentOutOfRangeException(nameof(RevisionsPerListingPerDay));
        if (InventoryCallsPerDay < 0) throw new ArgumentOutOfRangeException(nameof(InventoryCallsPerDay));
        if (FulfillmentCallsPerDay < 0) throw new ArgumentOutOfRangeException(nameof(FulfillmentCallsPerDay));
        if (MaxBulkRequests < 1) throw new ArgumentOutOfRangeException(nameof(MaxBulkRequests));
        if (CancellationWindow < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(CancellationWindow));
    }
}
