using CartonaActors.Domain.Listings;

namespace CartonaActors.Marketplaces.Ebay;

/// <summary>
/// eBay's Sell APIs (marketplaces.md §4): OAuth user tokens bought with the refresh token; price and quantity by
/// <c>bulk_update_price_quantity</c>, 25 SKUs a call, under the cap of revisions per listing per day (one budget
/// per connection, shared by its clients, so the cap holds however the calls are spread); orders by last-modified
/// date. A listing is the SKU of the eBay inventory item.
/// </summary>
public sealed class EbayPlatform(TimeProvider? clock = null) : IMarketplacePlatform
{
    public const string PlatformName = "ebay";
    public const int MaxBatch = 25;
    public const string Sku = "sku";
    private static readonly string[] CancelReasons = ["OUT_OF_STOCK_OR_CANNOT_FULFILL", "BUYER_ASKED_CANCEL", "ADDRESS_ISSUES"];

    public string Name => PlatformName;

    public IReadOnlyDictionary<string, Func<byte[], object>> LegacyEventReaders { get; } = new Dictionary<string, Func<byte[], object>>();

    public PlatformConnection Open(ConnectionSettings s)
    {
        ConnectionChecks.BaseUrl(s);
        ConnectionChecks.Token(s);
        var own = ConnectionChecks.Bind<EbaySettings>(s);
        if (string.IsNullOrWhiteSpace(own.ClientId) || string.IsNullOrWhiteSpace(own.ClientSecret))
            throw ConnectionChecks.Problem(s, "Settings:ClientId", "and Settings:ClientSecret are required: they buy access tokens with the refresh token.");
        if (!Uri.TryCreate(own.TokenUrl, UriKind.Absolute, out _)) throw ConnectionChecks.Problem(s, "Settings:TokenUrl", "must be an absolute URL.");
        if (own.Currency.Length != 3 || !own.Currency.All(char.IsAsciiLetterUpper))
            throw ConnectionChecks.Problem(s, "Settings:Currency", $"'{own.Currency}' must be a three-letter ISO 4217 code such as USD.");
        if (own.RevisionsPerListingPerDay is < 1 or > 250)
            throw ConnectionChecks.Problem(s, "Settings:RevisionsPerListingPerDay", "must be between 1 and 250 (eBay's cap).");
        if (own.RevisionReserve < 0 || own.RevisionReserve >= own.RevisionsPerListingPerDay)
            throw ConnectionChecks.Problem(s, "Settings:RevisionReserve", "must be at least 0 and below RevisionsPerListingPerDay.");
        if (own.HoldRecheck <= TimeSpan.Zero) throw ConnectionChecks.Problem(s, "Settings:HoldRecheck", "must be positive.");
        if (!CancelReasons.Contains(own.CancelReason))
            throw ConnectionChecks.Problem(s, "Settings:CancelReason", $"'{own.CancelReason}' must be one of {string.Join(", ", CancelReasons)}.");
        if (own.UnlimitedQuantity < 0) throw ConnectionChecks.Problem(s, "Settings:UnlimitedQuantity", "must not be negative.");
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(own.RevisionDayZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw ConnectionChecks.Problem(s, "Settings:RevisionDayZone", $"'{own.RevisionDayZone}' is not a time zone of this machine (e.g. America/Los_Angeles).");
        }
        if (s.LocationByWarehouse.Count > 0)
            throw ConnectionChecks.Problem(s, "LocationByWarehouse", "is not supported for eBay yet: its quantity is the sum of the connection's Warehouses.");
        // The Inventory API allows 2,000,000 calls a day (about 23 a second); a modest rate keeps the day's quota.
        var limits = ConnectionChecks.Limits(s, MaxBatch, defaultRate: 5, defaultBurst: 10, callsPerPush: 2);
        var listings = ConnectionChecks.Listing(s, source => source is ListingSource.Sku or ListingSource.ErpField ? Sku : null);
        var scope = ConnectionChecks.Scope(s, platformPriceDecimals: 2, sellsPerLocation: false);
        var customerPrefix = own.CustomerRefPrefix ?? $"ebay_{s.Name}_";
        var reserve = own.RevisionReserve > 0 ? own.RevisionReserve : own.RevisionsPerListingPerDay / 10;
        var revisions = new EbayRevisionBudget(own.RevisionsPerListingPerDay, reserve, zone);
        return new PlatformConnection(s, limits, listings, scope, EbayStatusModel.Instance,
            () => new EbayClient(s, own, revisions, customerPrefix, clock), new HashSet<string>(StringComparer.Ordinal) { Sku });
    }
}
