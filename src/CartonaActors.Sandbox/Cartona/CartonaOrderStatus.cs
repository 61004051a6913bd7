namespace CartonaActors.Sandbox.Cartona;

/// <summary>Cartona's order statuses and the supplier's part of the state machine (marketplaces.md §1.5).</summary>
public static class CartonaOrderStatus
{
    public const string Pending = "pending";
    public const string Editing = "editing";
    public const string Approved = "approved";
    public const string AssignedToSalesman = "assigned_to_salesman";
    public const string Delivered = "delivered";
    public const string CancelledByRetailer = "cancelled_by_retailer";
    public const string CancelledBySupplier = "cancelled_by_supplier";
    public const string Returned = "returned";

    /// <summary>Not a status: the supplier's acknowledgement of the order's data.</summary>
    public const string Synced = "synced";

    public const string DeliveredBySupplier = "delivered_by_supplier";
    public const string DeliveredByCartona = "delivered_by_cartona";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Pending, Editing, Approved, AssignedToSalesman, Delivered, CancelledByRetailer, CancelledBySupplier, Returned,
    };

    /// <summary>Statuses a supplier may send (besides <see cref="Synced"/>).</summary>
    public static readonly IReadOnlySet<string> SupplierMaySend = new HashSet<string>(StringComparer.Ordinal)
    {
        Pending, Approved, AssignedToSalesman, Delivered, CancelledBySupplier, Returned,
    };

    public static readonly IReadOnlySet<string> CancellationReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "out_of_stock", "cannot_deliver_the_order", "supplier_asked_me_to_cancel", "delayed_order",
        "pending_order_without_action", "removed_items", "supplier_attitude", "missing_items", "expired_products",
        "different_prices", "different_products",
    };

    private static readonly Dictionary<string, string[]> SupplierMoves = new(StringComparer.Ordinal)
    {
        [Pending] = [Approved, CancelledBySupplier],
        [Approved] = [AssignedToSalesman, Delivered, CancelledBySupplier, Pending],
        [AssignedToSalesman] = [Delivered, CancelledBySupplier, Returned],
    };

    /// <summary>Whether the supplier may move an order from <paramref name="from"/> to a different <paramref name="to"/>.</summary>
    public static bool SupplierMayMove(string from, string to) =>
        SupplierMoves.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Statuses in which the supplier may change the order's lines.</summary>
    public static bool DetailsEditable(string status) => status is Pending or Approved or AssignedToSalesman;
}
