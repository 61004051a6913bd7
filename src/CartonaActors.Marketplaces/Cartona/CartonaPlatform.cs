using CartonaActors.Domain.Listings;
using CartonaActors.Marketplaces.Cartona.Journal;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>
/// Cartona's supplier-integrations API (marketplaces.md §1): one quantity per listing (one token per warehouse),
/// bulk-update of at most 1000 items, the proposal's 5 calls/s with a burst of 10, an ack-queue order source with
/// line edits and Cartona's supplier state machine, prices to 2 decimals. A listing is keyed by
/// <c>internal_product_id</c> (the ERP variant id, as Cartona's module does) or by <c>supplier_product_id</c> read
/// from an ERP field (the original guide's <c>cartona_id</c>).
/// </summary>
public sealed class CartonaPlatform : IMarketplacePlatform
{
    public const string PlatformName = "cartona";
    public const int MaxBatch = 1000;

    /// <summary>Largest <c>per_page</c> asked of <c>GET supplier-product</c>: Cartona publishes none; the bulk
    /// maximum is the largest figure its module uses for products.</summary>
    public const int MaxListPage = 1000;
    public const string InternalProductId = "InternalProductId";
    public const string SupplierProductId = "SupplierProductId";

    public string Name => PlatformName;

    public IReadOnlyDictionary<string, Func<byte[], object>> LegacyEventReaders => CartonaJournalUpcasts.Readers;

    public PlatformConnection Open(ConnectionSettings s)
    {
        ConnectionChecks.BaseUrl(s);
        ConnectionChecks.Token(s);
        var own = ConnectionChecks.Bind<CartonaSettings>(s);
        if (string.IsNullOrWhiteSpace(own.AuthHeader) || own.AuthHeader.Any(c => char.IsWhiteSpace(c) || c == ':'))
            throw ConnectionChecks.Problem(s, "Settings:AuthHeader", "must be a header name such as AuthorizationToken.");
        var limits = ConnectionChecks.Limits(s, MaxBatch, defaultRate: 5, defaultBurst: 10, acknowledgementsPerCall: CartonaClient.MaxAcknowledgementsPerCall);
        var listings = ConnectionChecks.Listing(s, source => source switch
        {
            ListingSource.VariantId => InternalProductId,
            ListingSource.ErpField => SupplierProductId,
            _ => null, // bulk-update finds a product only by one of its two ids
        });
        var scope = ConnectionChecks.Scope(s, platformPriceDecimals: 2, sellsPerLocation: false);
        return new PlatformConnection(s, limits, listings, scope, CartonaStatusModel.Instance, () => new CartonaClient(s, own),
            new HashSet<string>(StringComparer.Ordinal) { InternalProductId, SupplierProductId }, ConnectionChecks.ReadBack(s, MaxListPage));
    }
}
