namespace CartonaActors.Sandbox.Rest;

/// <summary>A snapshot of one order as the emulated marketplace holds it.</summary>
/// <param name="UpdatedAt">When the order last changed, whole milliseconds, strictly increasing across all changes.</param>
/// <param name="Amount">Σ qty × unit_price over the lines.</param>
/// <param name="CancelReason">The reason given by whoever cancelled.</param>
/// <param name="Tracking">The last tracking value the seller sent with a status change.</param>
/// <param name="History">Every status change, oldest first.</param>
public sealed record RestOrder(
    string Id,
    string Status,
    RestCustomer Customer,
    RestAddress ShippingAddress,
    IReadOnlyList<RestOrderLine> Lines,
    string Currency,
    decimal Amount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? CancelReason,
    string? Tracking,
    IReadOnlyList<RestStatusChange> History);

/// <summary>One order line; <see cref="Id"/> is unique within the order.</summary>
public sealed record RestOrderLine(int Id, string ExternalId, string Name, int Qty, decimal UnitPrice);

/// <summary>Who changed an order's status.</summary>
public enum RestOrderActor
{
    /// <summary>Over HTTP, <c>POST v1/orders/{id}/status</c>.</summary>
    Seller,

    /// <summary><see cref="RestOrderBook.CancelByBuyer"/>.</summary>
    Buyer,

    /// <summary><see cref="RestOrderBook.SetStatus"/>.</summary>
    Marketplace,
}

/// <summary>One status change the emulator accepted.</summary>
public sealed record RestStatusChange(DateTimeOffset At, RestOrderActor By, string From, string To, string? Reason);
