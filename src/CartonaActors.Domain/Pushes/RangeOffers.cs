using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Pushes;

/// <summary><see cref="ProductOffers"/> for the products of a range that still wait for a slice. A product whose
/// offers are all stored is forgotten: a range holds a thousand products, and its next change simply offers
/// everything again, which the slices answer without writing when they hold it.</summary>
public sealed class RangeOffers(int slices)
{
    private readonly Dictionary<string, ProductOffers> _byProduct = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unstored = new(StringComparer.Ordinal);

    public bool AllStored => _unstored.Count == 0;

    /// <param name="origin">The change the range just accepted for this product (see <see cref="ProductOffers.Due"/>);
    /// null when it offers what it already held (after a crash).</param>
    public IReadOnlyList<OfferPush> Due(ProductState state, Func<string, ConnectionScope?> scopeOf, ChangeOrigin? origin = null)
    {
        if (!_byProduct.TryGetValue(state.ProductId, out var offers)) _byProduct[state.ProductId] = offers = new ProductOffers(slices);
        var due = offers.Due(state, scopeOf, origin);
        Track(state.ProductId, offers);
        return due;
    }

    public void Unlinked(string productId, IEnumerable<string> connections)
    {
        if (!_byProduct.TryGetValue(productId, out var offers)) _byProduct[productId] = offers = new ProductOffers(slices);
        offers.Unlinked(connections);
    }

    public void Stored(PushOfferStored reply)
    {
        if (!_byProduct.TryGetValue(reply.ProductId, out var offers)) return;
        offers.Stored(reply);
        Track(reply.ProductId, offers);
    }

    public IReadOnlyList<OfferPush> Unstored() => _unstored.SelectMany(id => _byProduct[id].Unstored()).ToList();

    private void Track(string productId, ProductOffers offers)
    {
        if (!offers.AllStored)
        {
            _unstored.Add(productId);
            return;
        }
        _unstored.Remove(productId);
        _byProduct.Remove(productId);
    }
}
