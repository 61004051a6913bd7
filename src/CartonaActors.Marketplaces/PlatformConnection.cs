using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Listings;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces;

/// <summary>A validated connection as the engine sees it: limits as data, how ERP variants become listings,
/// the product-side scope (warehouses, locations, price and stock rules), the order status model if the
/// platform has orders, how to build its client, how often its own product list is read back (null: the
/// platform lists no products, or the connection turned read-back off), and how its webhooks are checked (null:
/// the platform sends none, or the connection has no secret to check them with).</summary>
public sealed record PlatformConnection(
    ConnectionSettings Settings,
    PlatformLimits Limits,
    ListingRule Listings,
    ConnectionScope Scope,
    IOrderStatusModel? Orders,
    Func<IMarketplaceClient> CreateClient,
    IReadOnlySet<string> ListingKinds,
    ReadBackPlan? ReadBack = null,
    IMarketplaceWebhooks? Webhooks = null)
{
    /// <summary>Null when the platform can push to a listing so named; else why not.</summary>
    public string? ListingProblem(CartonaActors.Domain.Products.ListingRef listing) =>
        ListingKinds.Contains(listing.Kind) ? null
        : $"{Settings.Platform} knows a listing by {string.Join(" or ", ListingKinds)}, not {listing.Kind}";

    public string Name => Settings.Name;

    /// <summary>Orders are pulled: configured so, and the platform has an order API.</summary>
    public bool PullsOrders => Settings.PullOrders && Orders is not null;

    /// <summary>An ack queue when the platform's orders are acknowledged, else a cursor over "updated since".</summary>
    public OrderSourceKind OrderSource => Orders is { AcknowledgesOrders: false } ? OrderSourceKind.UpdatedSinceCursor : OrderSourceKind.AckQueue;
}

/// <summary>Read the marketplace's product list every <see cref="Interval"/> (from the end of the previous pass),
/// <see cref="PageSize"/> products a call, and send again what no longer shows as confirmed.</summary>
public sealed record ReadBackPlan(TimeSpan Interval, int PageSize);
