using CartonaActors.Domain.Orders;

namespace CartonaActors.Engine.Orders;

/// <summary>The status model of an order whose connection is no longer configured: every status is unknown, so
/// the order rules take no step until the connection comes back.</summary>
internal sealed class UnconfiguredConnection : IOrderStatusModel
{
    public static readonly UnconfiguredConnection Instance = new();

    public OrderStage StageOf(string status) => OrderStage.Unknown;
    public string? StatusFor(OrderStage stage) => null;
    public string? Refusal(string from, string to, MarketplaceOrder order) => "the connection is not configured";
    public string? NextStatusToward(string from, string to) => null;
    public bool AcknowledgesOrders => false;
    public bool SupportsLineEdits => false;
    public string DefaultCancellationReason => "";
}
