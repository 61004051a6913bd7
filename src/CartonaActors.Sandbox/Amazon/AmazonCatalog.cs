using CartonaActors.Sandbox.Amazon.State;

namespace CartonaActors.Sandbox.Amazon;

/// <summary>The seller's merchant-fulfilled listings, as the test seeds and inspects them.</summary>
public sealed class AmazonCatalog
{
    private readonly SellerState _state;

    internal AmazonCatalog(SellerState state) => _state = state;

    public void AddListing(string sku, decimal price, int quantity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        lock (_state.Gate)
        {
            if (_state.Listings.ContainsKey(sku)) throw new InvalidOperationException($"listing {sku} exists");
            _state.Listings[sku] = new ListingState(sku, price, quantity, _state.Now());
        }
    }

    public AmazonListing? Listing(string sku)
    {
        lock (_state.Gate) return _state.Listings.TryGetValue(sku, out var l) ? l.Snapshot() : null;
    }

    public IReadOnlyList<string> Skus
    {
        get { lock (_state.Gate) return _state.Listings.Keys.ToList(); }
    }
}
