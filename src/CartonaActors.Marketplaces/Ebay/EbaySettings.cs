namespace CartonaActors.Marketplaces.Ebay;

/// <summary>An eBay connection's own keys (<c>Connections:N:Settings</c>). The connection's <c>Token</c> is the
/// OAuth user refresh token (about 18 months); <c>BaseUrl</c> the API host (<c>https://api.ebay.com/</c>).</summary>
public sealed class EbaySettings
{
    /// <summary>The application's client id and secret (the secret: an environment variable).</summary>
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Where two-hour access tokens are bought with the refresh token.</summary>
    public string TokenUrl { get; set; } = "https://api.ebay.com/identity/v1/oauth2/token";

    /// <summary>The scopes asked for with each refresh (space-separated).</summary>
    public string Scopes { get; set; } =
        "https://api.ebay.com/oauth/api_scope/sell.inventory https://api.ebay.com/oauth/api_scope/sell.fulfillment";

    public string MarketplaceId { get; set; } = "EBAY_US";

    /// <summary>ISO 4217 code of the marketplace's prices.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>eBay lets a listing be revised 250 times a calendar day; set lower to leave room for edits made on eBay.</summary>
    public int RevisionsPerListingPerDay { get; set; } = 250;

    /// <summary>The last revisions of a day are spread over what is left of it, so a listing that keeps changing
    /// still shows a late value; 0: a tenth of the cap.</summary>
    public int RevisionReserve { get; set; }

    /// <summary>The time zone whose midnight starts eBay's revision day.</summary>
    public string RevisionDayZone { get; set; } = "America/Los_Angeles";

    /// <summary>Longest a held listing waits before the connection looks at it again.</summary>
    public TimeSpan HoldRecheck { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Post-Order reason of a seller cancellation: OUT_OF_STOCK_OR_CANNOT_FULFILL, BUYER_ASKED_CANCEL or ADDRESS_ISSUES.</summary>
    public string CancelReason { get; set; } = "OUT_OF_STOCK_OR_CANNOT_FULFILL";

    /// <summary>The carrier named in a shipping fulfilment when the ERP gives none.</summary>
    public string CarrierCode { get; set; } = "Other";

    /// <summary>What an unlimited-stock product is shown as (eBay has no unlimited quantity).</summary>
    public int UnlimitedQuantity { get; set; } = 9999;

    /// <summary>Prefix of the ERP customer's ref; the buyer's eBay username follows it.</summary>
    public string? CustomerRefPrefix { get; set; }
}
