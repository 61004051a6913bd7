using CartonaActors.Domain.Listings;

namespace CartonaActors.Marketplaces.Amazon;

/// <summary>
/// Amazon's Selling Partner API (marketplaces.md §3), merchant-fulfilled: Login-with-Amazon tokens bought with the
/// connection's refresh token; price and quantity by listings patches, one call per item for a small push and a
/// <c>JSON_LISTINGS_FEED</c> (up to 25,000 messages, 5 feeds per 5 minutes) for a large one, confirmed by its
/// processing report; each operation paced by its usage plan; orders by update time. A listing is the seller SKU.
/// </summary>
public sealed class AmazonPlatform(TimeProvider? clock = null) : IMarketplacePlatform
{
    public const string PlatformName = "amazon";
    public const int MaxBatch = 25_000;
    public const string Sku = "sku";

    public string Name => PlatformName;

    public IReadOnlyDictionary<string, Func<byte[], object>> LegacyEventReaders { get; } = new Dictionary<string, Func<byte[], object>>();

    public PlatformConnection Open(ConnectionSettings s)
    {
        ConnectionChecks.BaseUrl(s);
        ConnectionChecks.Token(s);
        var own = ConnectionChecks.Bind<AmazonSettings>(s);
        foreach (var (key, value) in new[] { ("ClientId", own.ClientId), ("ClientSecret", own.ClientSecret), ("SellerId", own.SellerId), ("MarketplaceId", own.MarketplaceId) })
            if (string.IsNullOrWhiteSpace(value))
                throw ConnectionChecks.Problem(s, "Settings:" + key, "is required (the LWA application's id and secret, the seller id, the marketplace id such as ATVPDKIKX0DER).");
        if (!Uri.TryCreate(own.TokenUrl, UriKind.Absolute, out _)) throw ConnectionChecks.Problem(s, "Settings:TokenUrl", "must be an absolute URL.");
        if (own.Currency.Length != 3 || !own.Currency.All(char.IsAsciiLetterUpper))
            throw ConnectionChecks.Problem(s, "Settings:Currency", $"'{own.Currency}' must be a three-letter ISO 4217 code such as USD.");
        if (own.PatchUpTo < 0) throw ConnectionChecks.Problem(s, "Settings:PatchUpTo", "must not be negative.");
        if (own.FeedPollInterval <= TimeSpan.Zero) throw ConnectionChecks.Problem(s, "Settings:FeedPollInterval", "must be positive.");
        if (own.FeedTimeout <= own.FeedPollInterval) throw ConnectionChecks.Problem(s, "Settings:FeedTimeout", "must be longer than FeedPollInterval.");
        if (own.FeedsPerWindow < 1 || own.FeedWindow <= TimeSpan.Zero)
            throw ConnectionChecks.Problem(s, "Settings:FeedsPerWindow", "and FeedWindow must be positive (Amazon: 5 per 00:05:00).");
        if (own.UnlimitedQuantity < 0) throw ConnectionChecks.Problem(s, "Settings:UnlimitedQuantity", "must not be negative.");
        var (plans, problem) = AmazonUsagePlans.Parse(own.OperationRates);
        if (plans is null) throw ConnectionChecks.Problem(s, "Settings:OperationRates", problem!);
        if (s.LocationByWarehouse.Count > 0)
            throw ConnectionChecks.Problem(s, "LocationByWarehouse", "is not for Amazon: a merchant-fulfilled listing has one quantity; choose the warehouses it sells with Warehouses.");
        var patches = plans["patchListingsItem"];
        var limits = ConnectionChecks.Limits(s, MaxBatch, defaultRate: patches.Rate, defaultBurst: patches.Burst) with
        {
            PushTakesUpTo = own.FeedTimeout,
        };
        var listings = ConnectionChecks.Listing(s, source => source switch
        {
            ListingSource.Sku or ListingSource.ErpField => Sku,
            _ => null, // an Amazon listing is known by the seller SKU: the ERP's default_code or a field holding it
        });
        var scope = ConnectionChecks.Scope(s, platformPriceDecimals: 2, sellsPerLocation: false);
        var customerPrefix = own.CustomerRefPrefix ?? $"amazon_{s.Name}_";
        return new PlatformConnection(s, limits, listings, scope, AmazonStatusModel.Instance,
            () => new AmazonClient(s, own, plans, customerPrefix, clock), new HashSet<string>(StringComparer.Ordinal) { Sku });
    }
}
