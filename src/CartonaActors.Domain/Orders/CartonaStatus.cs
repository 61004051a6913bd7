namespace CartonaActors.Domain.Orders;

/// <summary>Cartona's order statuses as a closed set (a typo once made supplier cancellations a no-op).</summary>
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
    public const string Synced = "synced";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Pending, Editing, Approved, AssignedToSalesman, Delivered, CancelledByRetailer, CancelledBySupplier, Returned,
    };

    public const string DeliveredByCartona = "delivered_by_cartona";
    public const string DeliveredBySupplier = "delivered_by_supplier";

    public static readonly IReadOnlySet<string> CancellationReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "out_of_stock", "cannot_deliver_the_order", "supplier_asked_me_to_cancel", "delayed_order", "pending_order_without_action",
        "removed_items", "supplier_attitude", "missing_items", "expired_products", "different_prices", "different_products",
    };

    public static bool IsCancelled(string status) => status is CancelledByRetailer or CancelledBySupplier;

    public static bool IsFinal(string status) => status is Delivered or CancelledByRetailer or CancelledBySupplier or Returned;
}

/// <summary>Which status changes the supplier may send (marketplaces.md §1.5). Refused ones are never sent.</summary>
public static class SupplierTransitions
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [CartonaStatus.Pending] = [CartonaStatus.Approved, CartonaStatus.CancelledBySupplier],
        [CartonaStatus.Approved] = [CartonaStatus.AssignedToSalesman, CartonaStatus.Delivered, CartonaStatus.CancelledBySupplier, CartonaStatus.Pending],
        [CartonaStatus.AssignedToSalesman] = [CartonaStatus.Delivered, CartonaStatus.CancelledBySupplier, CartonaStatus.Returned],
    };

    /// <summary>Null when the supplier may move the order from <paramref name="from"/> to <paramref name="to"/>;
    /// else why not.</summary>
    public static string? Refusal(string from, string to, string deliveredBy)
    {
        if (from == CartonaStatus.Editing) return "the retailer is editing the order on Cartona; no action until it is back to pending";
        if (deliveredBy == CartonaStatus.DeliveredByCartona && to != CartonaStatus.CancelledBySupplier)
            return $"the order is delivered by Cartona: the supplier may only cancel it, not set {to}";
        return Allowed.TryGetValue(from, out var targets) && targets.Contains(to)
            ? null
            : $"Cartona does not allow a supplier to move an order from {from} to {to}";
    }
}
