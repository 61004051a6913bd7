using CartonaActors.Sandbox.Ebay.State;

namespace CartonaActors.Sandbox.Ebay;

/// <summary>The seller's inventory items, each with one published offer, as a test seeds and inspects them.</summary>
public sealed class EbayCatalog
{
    private readonly EbayStore _store;
    private readonly EbayEmulatorOptions _options;

    internal EbayCatalog(EbayStore store, EbayEmulatorOptions options)
    {
        _store = store;
        _options = options;
    }

    /// <summary>Adds an inventory item and publishes one offer for it; returns the offerId.</summary>
    public string AddItem(string sku, decimal price, int quantity)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        lock (_store.Gate)
        {
            if (_store.BySku.ContainsKey(sku)) throw new InvalidOperationException($"SKU {sku} already exists");
            var listing = new Listing(sku, _store.NextOfferId(), _store.NextListingId(), price, quantity);
            _store.BySku[sku] = listing;
            _store.ByOffer[listing.OfferId] = listing;
            return listing.OfferId;
        }
    }

    public EbayListing? Item(string sku)
    {
        lock (_store.Gate) return _store.BySku.TryGetValue(sku, out var l) ? l.Snapshot(_options) : null;
    }

    public IReadOnlyList<string> Skus
    {
        get { lock (_store.Gate) return _store.BySku.Keys.ToList(); }
    }
}
