using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces;

/// <summary>
/// A marketplace's order API, implemented by the clients of platforms that have one. Like
/// <see cref="IMarketplaceClient"/>: one HTTP call per method call, no retries, failures classified rather than
/// thrown (the marketplace entity decides what happens next). Whether the source is an ack queue or a cursor
/// is the platform's status model's to say (<see cref="CartonaActors.Domain.Orders.IOrderStatusModel.AcknowledgesOrders"/>).
/// </summary>
public interface IMarketplaceOrders
{
    /// <summary>One page of the order source.</summary>
    Task<(CallOutcome Outcome, OrderPage? Page)> PullOrdersAsync(OrderPageRequest request, CancellationToken ct);

    /// <summary>Tells an ack-queue source these orders' current versions are stored, in one call (at most the
    /// platform's <see cref="PlatformLimits.MaxAcknowledgementsPerCall"/>; not called for cursor sources). An
    /// acknowledgement the platform did not apply is harmless: the order is pulled again and acknowledged again.</summary>
    Task<CallOutcome> AcknowledgeAsync(IReadOnlyList<string> orderIds, CancellationToken ct);

    Task<CallOutcome> UpdateOrderStatusAsync(string orderId, OrderStatusUpdate update, CancellationToken ct);

    /// <summary>Seller line edits; only called when the platform's status model supports them.</summary>
    Task<CallOutcome> UpdateOrderLinesAsync(string orderId, IReadOnlyList<OrderLineChange> changes, CancellationToken ct);
}
