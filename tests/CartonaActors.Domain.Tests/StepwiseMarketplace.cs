using CartonaActors.Domain.Orders;

namespace CartonaActors.Domain.Tests;

/// <summary>A made-up platform whose seller machine moves one step at a time, with a packing step that is still
/// "confirmed" (open -> accepted -> packed -> shipped -> delivered; cancelled from open or accepted), in its own
/// words: the walk must come from the model, never from statuses the order rules know.</summary>
internal sealed class StepwiseMarketplace : IOrderStatusModel
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Packed = "packed";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";

    public static readonly StepwiseMarketplace Instance = new();

    private static readonly SellerMoves Moves = new(new Dictionary<string, string[]>
    {
        [Open] = [Accepted, Cancelled],
        [Accepted] = [Packed, Cancelled],
        [Packed] = [Shipped],
        [Shipped] = [Delivered],
    });

    public bool AcknowledgesOrders => false;
    public bool SupportsLineEdits => false;
    public string DefaultCancellationReason => "seller cancelled";

    public OrderStage StageOf(string status) => status switch
    {
        Open => OrderStage.Pending,
        Accepted or Packed => OrderStage.Confirmed,
        Shipped => OrderStage.Shipped,
        Delivered => OrderStage.Delivered,
        Cancelled => OrderStage.CancelledBySeller,
        _ => OrderStage.Unknown,
    };

    public string? StatusFor(OrderStage stage) => stage switch
    {
        OrderStage.Confirmed => Accepted,
        OrderStage.Shipped => Shipped,
        OrderStage.Delivered => Delivered,
        OrderStage.CancelledBySeller => Cancelled,
        _ => null,
    };

    public string? Refusal(string from, string to, MarketplaceOrder order) =>
        Moves.Allows(from, to) ? null : $"no seller move from {from} to {to}";

    public string? NextStatusToward(string from, string to) => Moves.NextToward(from, to);
}
