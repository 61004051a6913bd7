namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// Order statuses and the seller's part of the state machine: pending → confirmed → shipped → delivered, and
/// cancelled from pending or confirmed. <c>returned</c> (from shipped or delivered) is the marketplace's move,
/// never the seller's.
/// </summary>
public static class RestOrderStatus
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";
    public const string Returned = "returned";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Pending, Confirmed, Shipped, Delivered, Cancelled, Returned,
    };

    private static readonly Dictionary<string, string[]> SellerMoves = new(StringComparer.Ordinal)
    {
        [Pending] = [Confirmed, Cancelled],
        [Confirmed] = [Shipped, Cancelled],
        [Shipped] = [Delivered],
    };

    /// <summary>Whether the seller may move an order from <paramref name="from"/> to a different <paramref name="to"/>.</summary>
    public static bool SellerMayMove(string from, string to) =>
        SellerMoves.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Whether the buyer may still cancel an order in <paramref name="status"/>.</summary>
    public static bool BuyerMayCancel(string status) => status is Pending or Confirmed;
}
