using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>Cartona's order statuses as a closed set (a typo once made supplier cancellations a no-op), and how
/// they map into the neutral stages.</summary>
public static class CartonaStatus
{
    public const string Pending = "pending";
    public const string Editing = "editing";
    public const string Approved = "approved";
    public const string AssignedToSalesman = "assigned_to_salesman";
    public const string Delivered = "delivered";
    public const string CancelledByRetailer = "cancelled_by_retailer";
    public const string CancelledBySupplier = "cancelled_by_supplier";
    public const string Returned = "returned";
    /// <summary>Not a state: the acknowledgement that removes an order from the pull queue until it changes.</summary>
    public const string Synced = "synced";

    public const string DeliveredByCartona = "delivered_by_cartona";
    public const string DeliveredBySupplier = "delivered_by_supplier";

    public static readonly IReadOnlyDictionary<string, OrderStage> Stages = new Dictionary<string, OrderStage>(StringComparer.Ordinal)
    {
        [Pending] = OrderStage.Pending,
        [Editing] = OrderStage.BuyerEditing,
        [Approved] = OrderStage.Confirmed,
        [AssignedToSalesman] = OrderStage.Shipped,
        [Delivered] = OrderStage.Delivered,
        [CancelledByRetailer] = OrderStage.CancelledByBuyer,
        [CancelledBySupplier] = OrderStage.CancelledBySeller,
        [Returned] = OrderStage.Returned,
    };

    public static readonly IReadOnlySet<string> All = Stages.Keys.ToHashSet(StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> CancellationReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "out_of_stock", "cannot_deliver_the_order", "supplier_asked_me_to_cancel", "delayed_order", "pending_order_without_action",
        "removed_items", "supplier_attitude", "missing_items", "expired_products", "different_prices", "different_products",
    };
}
