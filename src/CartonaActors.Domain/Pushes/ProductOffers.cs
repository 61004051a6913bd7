using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Pushes;

/// <summary>
/// What one product entity has offered to each connection's push slice since it started, and whether the slice
/// has it durably. Memory only: a product that starts offers everything once (the slices ignore what they already
/// hold without writing), so nothing here needs a journal.
/// </summary>
public sealed class ProductOffers(int slices)
{
    private readonly Dictionary<string, OfferPush> _sent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stored = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unlinked = new(StringComparer.Ordinal);

    public bool AllStored => _sent.Count == _stored.Count && _unlinked.Count == 0;

    /// <summary>Connections the product left (from its events): their slices are told once it offers again.</summary>
    public void Unlinked(IEnumerable<string> connections) => _unlinked.UnionWith(connections);

    /// <summary>The offers to send now: each listed connection whose desired values (or listing id) differ from
    /// what was last offered, and a withdrawal for each connection the product left. <paramref name="origin"/>
    /// rides on the listed offers (a withdrawal has nothing to confirm-time).</summary>
    public IReadOnlyList<OfferPush> Due(ProductState state, Func<string, ConnectionScope?> scopeOf, ChangeOrigin? origin = null)
    {
        var due = new List<OfferPush>();
        foreach (var listing in state.Listings.Values)
        {
            _unlinked.Remove(listing.ConnectionId);
            if (scopeOf(listing.ConnectionId) is not { } scope) continue;
            var desired = ProductRules.Desired(state, scope);
            if (desired.IsEmpty()) continue;
            if (_sent.TryGetValue(listing.ConnectionId, out var last) && Equals(last.Ref, listing.Ref) && Equals(last.Values, desired)) continue;
            due.Add(Send(listing.ConnectionId, state, listing.Ref, desired, origin));
        }
        foreach (var connection in _unlinked.ToList())
        {
            _unlinked.Remove(connection);
            if (_sent.TryGetValue(connection, out var last) && last.Ref is null) continue;
            due.Add(Send(connection, state, null, null, null));
        }
        return due;
    }

    /// <summary>Offers not yet confirmed durable, to send again.</summary>
    public IReadOnlyList<OfferPush> Unstored() => _sent.Where(kv => !_stored.Contains(kv.Key)).Select(kv => kv.Value).ToList();

    public void Stored(PushOfferStored reply)
    {
        if (_sent.TryGetValue(reply.ConnectionId, out var sent) && reply.Version >= sent.Version) _stored.Add(reply.ConnectionId);
    }

    private OfferPush Send(string connectionId, ProductState state, ListingRef? listingRef, PushedValues? values, ChangeOrigin? origin)
    {
        var offer = new OfferPush(PushSliceIds.Of(connectionId, state.ProductId, slices), state.ProductId, state.Version, listingRef, values, origin);
        _sent[connectionId] = offer;
        _stored.Remove(connectionId);
        return offer;
    }
}
