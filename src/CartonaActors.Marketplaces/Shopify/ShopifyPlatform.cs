using System.Text.RegularExpressions;
using CartonaActors.Domain.Listings;

namespace CartonaActors.Marketplaces.Shopify;

/// <summary>
/// Shopify over the GraphQL Admin API (marketplaces.md §2), pinned to a version: stock per location
/// (<c>inventorySetQuantities</c>, 250 rows a mutation), prices per product (<c>productVariantsBulkUpdate</c>),
/// paced by the calculated-cost bucket each answer reports, orders by update time with webhooks as the doorbell.
/// A listing is a Shopify variant found by SKU or barcode. One push makes up to three calls (find unknown variants,
/// write, and read again after a stock conflict).
/// </summary>
public sealed partial class ShopifyPlatform : IMarketplacePlatform
{
    public const string PlatformName = "shopify";
    public const int MaxBatch = 250;
    public const string Sku = "sku";
    public const string Barcode = "barcode";

    /// <summary>What the engine's own budget charges a push and an order call, in points: a stock push of one
    /// mutation costs 10; the client holds back any call its measured bucket cannot pay, whatever this says.</summary>
    private const double PushPoints = 10;
    private const double OrderCallPoints = 100;

    private static readonly string[] CancelReasons = ["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"];

    public string Name => PlatformName;

    public IReadOnlyDictionary<string, Func<byte[], object>> LegacyEventReaders { get; } = new Dictionary<string, Func<byte[], object>>();

    public PlatformConnection Open(ConnectionSettings s)
    {
        ConnectionChecks.BaseUrl(s);
        ConnectionChecks.Token(s);
        var own = ConnectionChecks.Bind<ShopifySettings>(s);
        if (!ApiVersionPattern().IsMatch(own.ApiVersion ?? ""))
            throw ConnectionChecks.Problem(s, "Settings:ApiVersion", $"'{own.ApiVersion}' must be a Shopify API version such as 2026-04.");
        if (!(own.RestoreRate > 0)) throw ConnectionChecks.Problem(s, "Settings:RestoreRate", "must be greater than 0 points per second.");
        if (own.BucketSize < 1) throw ConnectionChecks.Problem(s, "Settings:BucketSize", "must be at least 1 point.");
        if (own.MaxQueryCost < 50) throw ConnectionChecks.Problem(s, "Settings:MaxQueryCost", "must be at least 50 points.");
        if (!CancelReasons.Contains(own.CancelReason))
            throw ConnectionChecks.Problem(s, "Settings:CancelReason", $"'{own.CancelReason}' must be one of {string.Join(", ", CancelReasons)}.");
        if (own.UnlimitedQuantity < 0) throw ConnectionChecks.Problem(s, "Settings:UnlimitedQuantity", "must not be negative.");
        if (!string.IsNullOrWhiteSpace(own.RefreshToken))
        {
            if (string.IsNullOrWhiteSpace(own.ClientId) || string.IsNullOrWhiteSpace(own.ClientSecret))
                throw ConnectionChecks.Problem(s, "Settings:RefreshToken", "is set, so Settings:ClientId and Settings:ClientSecret are needed to refresh the token.");
            if (string.IsNullOrWhiteSpace(own.TokenFile))
                throw ConnectionChecks.Problem(s, "Settings:RefreshToken", "is set, so Settings:TokenFile is needed: Shopify rotates the refresh token on every refresh, and the newest must survive a restart.");
        }
        if (s.LocationByWarehouse.Count == 0)
            throw ConnectionChecks.Problem(s, "LocationByWarehouse", "must map each warehouse to a Shopify location id (e.g. \"WH\": \"gid://shopify/Location/123\"): Shopify keeps stock per location.");
        var limits = ConnectionChecks.Limits(s, MaxBatch, defaultRate: own.RestoreRate, defaultBurst: own.BucketSize, callsPerPush: 3);
        limits = limits with { Pacing = new PacingModel.CostBucket(own.RestoreRate, own.BucketSize, PushPoints, OrderCallPoints) };
        var listings = ConnectionChecks.Listing(s, source => source switch
        {
            ListingSource.Sku => Sku,
            ListingSource.Barcode => Barcode,
            _ => null, // Shopify finds a variant by its SKU or barcode; it holds no ERP id
        });
        var scope = ConnectionChecks.Scope(s, platformPriceDecimals: 2, sellsPerLocation: true);
        var customerPrefix = own.CustomerRefPrefix ?? $"shopify_{s.Name}_";
        var webhooks = string.IsNullOrWhiteSpace(own.ClientSecret) ? null : new ShopifyWebhooks(own.ClientSecret);
        return new PlatformConnection(s, limits, listings, scope, ShopifyStatusModel.Instance,
            () => new ShopifyClient(s, own, customerPrefix), new HashSet<string>(StringComparer.Ordinal) { Sku, Barcode }, null, webhooks);
    }

    [GeneratedRegex(@"^\d{4}-(01|04|07|10)$|^unstable$")]
    private static partial Regex ApiVersionPattern();
}
