using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces;

/// <summary>
/// A marketplace's order API. Like <see cref="IMarketplaceClient"/>: one HTTP call per method call, no retries,
/// failures classified rather than thrown (the marketplace entity decides what happens next).
/// </summary>
public interface IMarketplaceOrders
{
    /// <summary>One page of orders not yet acknowledged (Cartona: <c>GET order/pull-orders?page&amp;per_page</c>).</summary>
    Task<(CallOutcome Outcome, PulledOrders? Page)> PullOrdersAsync(int page, int perPage, CancellationToken ct);

    /// <summary>Single-order status endpoint (errors per order); <c>synced</c> acknowledges the order's current version.</summary>
    Task<CallOutcome> UpdateOrderStatusAsync(string hashedId, OrderStatusUpdate update, CancellationToken ct);

    Task<CallOutcome> UpdateOrderDetailsAsync(string hashedId, IReadOnlyList<OrderDetailChange> changes, CancellationToken ct);
}
