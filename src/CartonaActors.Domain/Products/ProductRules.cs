using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Products;

/// <summary>The product entity's rules as pure functions: decide events from commands, fold events into state,
/// and say what each marketplace connection should now be shown.</summary>
public static class ProductRules
{
    public const decimal MaxPrice = 1_000_000_000m;
    public const decimal MaxQuantity = 1_000_000_000_000m;

    /// <summary>Events for an ERP update (only real changes), or the reason it is refused as a whole.</summary>
    public static (IReadOnlyList<IProductEvent> Events, string? Error) Decide(
        ProductState state, UpdateProduct cmd, Func<string, bool> isKnownConnection)
    {
        var error = ProductValidation.Validate(cmd, isKnownConnection) ?? ProductValidation.ValidateOn(state, cmd);
        if (error is not null) return ([], error);
        if (OrderOf(state, cmd) != ReadOrder.Newer) return ([], null);

        var linked = (cmd.Listings ?? [])
            .Where(l => !state.Listings.TryGetValue(l.ConnectionId, out var existing) || existing.Ref != l.Ref).ToList();
        var unlinked = (cmd.UnlinkConnections ?? []).Where(state.Listings.ContainsKey).Distinct().ToList();
        decimal? price = cmd.Price is { } p && state.Price != p ? p : null;
        bool? unlimited = cmd.UnlimitedStock is { } u && state.UnlimitedStock != u ? u : null;
        var stock = (cmd.StockByWarehouse ?? new Dictionary<string, decimal>())
            .Where(kv => !state.StockByWarehouse.TryGetValue(kv.Key, out var current) || current != kv.Value)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (linked.Count == 0 && unlinked.Count == 0 && price is null && unlimited is null && stock.Count == 0) return ([], null);
        return ([new ProductUpdated(state.ProductId, state.Version + 1, price, unlimited,
            stock.Count > 0 ? stock : null, linked.Count > 0 ? linked : null, unlinked.Count > 0 ? unlinked : null, cmd.ObservedAt,
            cmd.ObservedAt is null ? null : cmd.ObservedUntil)], null);
    }

    /// <summary>
    /// How an ERP read stands to the newest one the product applied. A read sees the ERP as it was at some moment
    /// between its start and its end: one that started after the applied one ended is newer, one that ended before
    /// the applied one started is older, and of two that ran at the same time either may be the newer (a read that
    /// started first can reach the ERP last). Ordering by start time alone let such a read put an older price back.
    /// Values set directly (no read time) are always newer.
    /// </summary>
    public static ReadOrder OrderOf(ProductState state, UpdateProduct cmd)
    {
        if (cmd.ObservedAt is not { } start || state.ErpObservedAt is not { } heldStart) return ReadOrder.Newer;
        var heldEnd = state.ErpObservedUntil ?? heldStart;
        var end = cmd.ObservedUntil ?? start;
        if (start >= heldEnd) return ReadOrder.Newer;
        return end <= heldStart ? ReadOrder.Older : ReadOrder.Uncertain;
    }

    /// <summary>An ERP read the product does not apply: older than the one it holds, or of uncertain order.</summary>
    public static bool IsOutdated(ProductState state, UpdateProduct cmd) => OrderOf(state, cmd) != ReadOrder.Newer;

    /// <summary>A read of uncertain order that shows other values than the product holds: only a read made after
    /// both can tell which is the ERP's latest, so the reader is asked to read again.</summary>
    public static bool NeedsReadAgain(ProductState state, UpdateProduct cmd, Func<string, bool> isKnownConnection) =>
        OrderOf(state, cmd) == ReadOrder.Uncertain
        && Decide(state, cmd with { ObservedAt = null, ObservedUntil = null }, isKnownConnection).Events.Count > 0;

    /// <summary>Remembers the newest ERP read seen, also when it changed nothing: a slower read that started
    /// between the applied one and this one may carry a value the ERP has since gone back from. Kept in memory
    /// only (an unchanged read costs no write); the journal keeps the times of every read that changed a value.</summary>
    public static ProductState Observed(ProductState state, UpdateProduct cmd) =>
        OrderOf(state, cmd) == ReadOrder.Newer && cmd.ObservedAt is { } start
            ? state with { ErpObservedAt = start, ErpObservedUntil = cmd.ObservedUntil ?? start }
            : state;

    public static OrderQuantityHeld? Decide(ProductState state, HoldOrderQuantity cmd) =>
        cmd.Quantity > 0 && !(state.Holds.TryGetValue(cmd.OrderId, out var h) && h == new OrderHold(cmd.ConnectionId, cmd.Quantity))
            ? new OrderQuantityHeld(state.ProductId, cmd.OrderId, cmd.ConnectionId, cmd.Quantity, state.Version + 1)
            : null;

    public static OrderQuantityReleased? Decide(ProductState state, ReleaseOrderQuantity cmd) =>
        state.Holds.ContainsKey(cmd.OrderId) ? new OrderQuantityReleased(state.ProductId, cmd.OrderId, state.Version + 1) : null;

    public static ProductState Apply(ProductState state, IProductEvent evt) => evt switch
    {
        OrderQuantityHeld e => state with { OrderHolds = state.Holds.SetItem(e.OrderId, new OrderHold(e.ConnectionId, e.Quantity)), Version = e.Version },
        OrderQuantityReleased e => state with { OrderHolds = state.Holds.Remove(e.OrderId), Version = e.Version },
        ProductUpdated e => ApplyUpdate(state, e),
        ProductAdopted e => e.Baseline.WithOrdinalKeys() with { ProductId = state.ProductId, Version = e.Version },
        PriceSet e => state with { Price = e.Price, Version = e.Version },
        StockSet e => state with { StockByWarehouse = state.StockByWarehouse.SetItem(e.Warehouse, e.FreeQuantity), Version = e.Version },
        UnlimitedStockSet e => state with { UnlimitedStock = e.Unlimited, Version = e.Version },
        ListingLinked e => state with
        {
            // A new external id means the marketplace has confirmed nothing about it yet.
            Listings = state.Listings.SetItem(e.ConnectionId, new Listing(e.ConnectionId, e.Ref, null, 0, null, 0)),
            Version = e.Version,
        },
        ListingUnlinked e => state with { Listings = state.Listings.Remove(e.ConnectionId), Version = e.Version },
        // Journals written before push slices: what a marketplace confirmed or refused now lives in the slices.
        PushAcknowledged e when state.Listings.TryGetValue(e.ConnectionId, out var l) => state with
        {
            Listings = state.Listings.SetItem(e.ConnectionId, l with { Acknowledged = e.Values, AcknowledgedVersion = e.Version }),
        },
        PushRejected e when state.Listings.TryGetValue(e.ConnectionId, out var l) => state with
        {
            Listings = state.Listings.SetItem(e.ConnectionId, l with { LastRejection = e.Reason, RejectedVersion = e.Version }),
        },
        _ => state,
    };

    private static ProductState ApplyUpdate(ProductState state, ProductUpdated e)
    {
        var listings = state.Listings;
        foreach (var connection in e.Unlinked ?? []) listings = listings.Remove(connection);
        // A new external id means the marketplace has confirmed nothing about it yet.
        foreach (var link in e.Linked ?? []) listings = listings.SetItem(link.ConnectionId, new Listing(link.ConnectionId, link.Ref, null, 0, null, 0));
        var stock = state.StockByWarehouse;
        foreach (var (warehouse, qty) in e.Stock ?? new Dictionary<string, decimal>()) stock = stock.SetItem(warehouse, qty);
        return state with
        {
            Version = e.Version,
            Price = e.Price ?? state.Price,
            UnlimitedStock = e.UnlimitedStock ?? state.UnlimitedStock,
            StockByWarehouse = stock,
            Listings = listings,
            // Decided as newer than the read held: its times replace that read's.
            ErpObservedAt = e.ObservedAt ?? state.ErpObservedAt,
            ErpObservedUntil = e.ObservedAt is { } start ? e.ObservedUntil ?? start : state.ErpObservedUntil,
        };
    }

    /// <summary>The values a connection should show for this product now: the ERP values through the connection's
    /// warehouses, oversell holds and its price and stock rules.</summary>
    public static PushedValues Desired(ProductState state, ConnectionScope scope)
    {
        var price = state.Price is { } p ? scope.PriceRule.Apply(p) : (decimal?)null;
        if (state.UnlimitedStock == true) return new PushedValues(price, true, null);
        var quantity = StockAggregation.FreeQuantity(state.StockByWarehouse, scope);
        // Oversell protection: what pulled orders will take is not offered again before the ERP reserves it.
        var held = (int)Math.Min(int.MaxValue, decimal.Ceiling(state.Holds.Values.Where(h => h.ConnectionId == scope.ConnectionId).Sum(h => h.Quantity)));
        if (quantity is { } q) quantity = scope.StockRule.Apply(Math.Max(0, q - held));
        var byLocation = scope.SellsPerLocation && quantity is not null
            ? StockAggregation.ByLocation(state.StockByWarehouse, scope, held) : null;
        return new PushedValues(price, quantity is null ? state.UnlimitedStock : false, quantity, byLocation);
    }
}

/// <summary>See <see cref="ProductRules.OrderOf"/>.</summary>
public enum ReadOrder
{
    Newer,
    Older,
    Uncertain,
}
