namespace CartonaActors.Marketplaces.Amazon;

/// <summary>An Amazon SP-API connection's own keys (<c>Connections:N:Settings</c>). The connection's <c>Token</c> is
/// the Login-with-Amazon refresh token; <c>BaseUrl</c> the regional SP-API host.</summary>
public sealed class AmazonSettings
{
    /// <summary>The LWA application's client id and secret (the secret: an environment variable).</summary>
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Where access tokens are bought with the refresh token.</summary>
    public string TokenUrl { get; set; } = "https://api.amazon.com/auth/o2/token";

    /// <summary>The merchant token (seller id) listings are written under.</summary>
    public string? SellerId { get; set; }

    /// <summary>The one marketplace this connection sells in, e.g. ATVPDKIKX0DER (amazon.com).</summary>
    public string? MarketplaceId { get; set; }

    /// <summary>ISO 4217 code of the marketplace's prices.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>The product type the listings patches name (any type accepts offer and availability patches).</summary>
    public string ProductType { get; set; } = "PRODUCT";

    /// <summary>A push of at most this many items goes as one <c>patchListingsItem</c> each; a larger one as a
    /// <c>JSON_LISTINGS_FEED</c>. Feeds are few (5 per 5 minutes) and slow (minutes), patches many and quick.</summary>
    public int PatchUpTo { get; set; } = 10;

    /// <summary>How often a submitted feed's status is read (getFeed allows 2 a second; Amazon takes minutes).</summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A feed not done by then fails the push, which goes again (its patches are idempotent).</summary>
    public TimeSpan FeedTimeout { get; set; } = TimeSpan.FromMinutes(45);

    /// <summary>The listings feed quota: submissions per window (5 per 5 minutes since 2025).</summary>
    public int FeedsPerWindow { get; set; } = 5;
    public TimeSpan FeedWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Per-operation usage plans where Amazon granted more than the published ones, as
    /// <c>operationId=rate/burst</c> pairs separated by <c>;</c> (e.g. <c>patchListingsItem=10/10</c>).</summary>
    public string? OperationRates { get; set; }

    /// <summary>What an unlimited-stock product is shown as (Amazon has no unlimited quantity).</summary>
    public int UnlimitedQuantity { get; set; } = 9999;

    /// <summary>The carrier named in a shipment confirmation when the ERP gives none.</summary>
    public string CarrierCode { get; set; } = "Other";

    /// <summary>Prefix of the ERP customer's ref; the buyer's (anonymised, per seller) e-mail follows it.</summary>
    public string? CustomerRefPrefix { get; set; }
}
