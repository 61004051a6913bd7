using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>Cartona's supplier state machine (marketplaces.md §1.5): an ack queue, line edits, and which
/// status changes the supplier may send. Refused ones are never sent.</summary>
public sealed class CartonaStatusModel : IOrderStatusModel
{
    public static readonly CartonaStatusModel Instance = new();

    // Approved may go straight to delivered, so an order the ERP delivered while Cartona still shows pending is walked
    // pending -> approved -> delivered (and pending -> approved -> assigned_to_salesman when "delivered" means shipped).
    private static readonly SellerMoves Moves = new(new Dictionary<string, string[]>
    {
        [CartonaStatus.Pending] = [CartonaStatus.Approved, CartonaStatus.CancelledBySupplier],
        [CartonaStatus.Approved] = [CartonaStatus.AssignedToSalesman, CartonaStatus.Delivered, CartonaStatus.CancelledBySupplier, CartonaStatus.Pending],
        [CartonaStatus.AssignedToSalesman] = [CartonaStatus.Delivered, CartonaStatus.CancelledBySupplier, CartonaStatus.Returned],
    });

    public bool AcknowledgesOrders => true;
    public bool SupportsLineEdits => true;
    public string DefaultCancellationReason => "supplier_asked_me_to_cancel";

    public OrderStage StageOf(string status) => CartonaStatus.Stages.GetValueOrDefault(status, OrderStage.Unknown);

    public string? StatusFor(OrderStage stage) => stage switch
    {
        OrderStage.Pending => CartonaStatus.Pending,
        OrderStage.Confirmed => CartonaStatus.Approved,
        OrderStage.Shipped => CartonaStatus.AssignedToSalesman,
        OrderStage.Delivered => CartonaStatus.Delivered,
        OrderStage.CancelledBySeller => CartonaStatus.CancelledBySupplier,
        OrderStage.Returned => CartonaStatus.Returned,
        _ => null,
    };

    public string? Refusal(string from, string to, MarketplaceOrder order)
    {
        if (from == CartonaStatus.Editing) return "the retailer is editing the order on Cartona; no action until it is back to pending";
        if (order.FulfilledByMarketplace && to != CartonaStatus.CancelledBySupplier)
            return $"the order is delivered by Cartona: the supplier may only cancel it, not set {to}";
        return Moves.Allows(from, to) ? null : $"Cartona does not allow a supplier to move an order from {from} to {to}";
    }

    public string? NextStatusToward(string from, string to) => Moves.NextToward(from, to);
}
