using CartonaActors.Domain.Listings;

namespace CartonaActors.Marketplaces.Rest;

/// <summary>
/// Any Bearer-token REST marketplace speaking the generic contract (marketplaces.md §5): inventory and price
/// batches of at most 500 items with per-item results, <c>Idempotency-Key</c> on writes, stock per location, a
/// token-bucket limit answered with 429 and <c>Retry-After</c>, orders from an "updated since" cursor. Endpoint
/// paths, batch maximum and rate come from configuration. One push is two calls (prices, then inventory).
/// A listing is the marketplace's <c>external_id</c>, taken from the variant id, an ERP field, the SKU or the barcode.
/// </summary>
public sealed class RestPlatform : IMarketplacePlatform
{
    public const string PlatformName = "rest";
    public const int MaxBatch = 500;
    public const string ExternalId = "external_id";

    public string Name => PlatformName;

    public IReadOnlyDictionary<string, Func<byte[], object>> LegacyEventReaders { get; } = new Dictionary<string, Func<byte[], object>>();

    public PlatformConnection Open(ConnectionSettings s)
    {
        ConnectionChecks.BaseUrl(s);
        ConnectionChecks.Token(s);
        var own = ConnectionChecks.Bind<RestSettings>(s);
        foreach (var (key, path) in new[] { ("InventoryPath", own.InventoryPath), ("PricesPath", own.PricesPath), ("OrdersPath", own.OrdersPath) })
            if (string.IsNullOrWhiteSpace(path) || path.Contains("://", StringComparison.Ordinal) || path.Contains('{'))
                throw ConnectionChecks.Problem(s, "Settings:" + key, "must be a path relative to BaseUrl, such as v1/orders.");
        if (string.IsNullOrWhiteSpace(own.OrderStatusPath) || !own.OrderStatusPath.Contains("{id}", StringComparison.Ordinal))
            throw ConnectionChecks.Problem(s, "Settings:OrderStatusPath", "must be a relative path holding {id}, such as v1/orders/{id}/status.");
        if (own.Currency is { Length: > 0 } c && (c.Length != 3 || !c.All(char.IsAsciiLetterUpper)))
            throw ConnectionChecks.Problem(s, "Settings:Currency", $"'{c}' must be a three-letter ISO 4217 code such as EGP.");
        if (own.UnlimitedQuantity < 0) throw ConnectionChecks.Problem(s, "Settings:UnlimitedQuantity", "must not be negative.");
        var limits = ConnectionChecks.Limits(s, MaxBatch, defaultRate: 10, defaultBurst: 20, callsPerPush: 2);
        var listings = ConnectionChecks.Listing(s, _ => ExternalId);
        var scope = ConnectionChecks.Scope(s, platformPriceDecimals: 2, sellsPerLocation: true);
        var customerPrefix = own.CustomerRefPrefix ?? $"retailer_{s.Name}_";
        return new PlatformConnection(s, limits, listings, scope, RestStatusModel.Instance,
            () => new RestClient(s, own, customerPrefix), new HashSet<string>(StringComparer.Ordinal) { ExternalId });
    }
}
