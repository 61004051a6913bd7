using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Orders;

/// <summary>A pulled order (new or a new version) for its entity.</summary>
public sealed record ReceiveMarketplaceOrder(string OrderId, MarketplaceOrder Order) : IWithOrderId, IWireSerializable;

/// <summary>The ERP sale order changed (webhook or poll); the entity compares and acts.</summary>
public sealed record ErpOrderChanged(string OrderId, string State, bool DeliveryDone, IReadOnlyList<ErpLine> Lines) : IWithOrderId, IWireSerializable;

/// <summary>An operator gives the buyer's delivery code (OTP): the marketplace is told delivered first, the ERP
/// delivery is validated after.</summary>
public sealed record DeliverWithOtp(string OrderId, string Otp) : IWithOrderId, IWireSerializable;

public sealed record GetOrder(string OrderId) : IWithOrderId, IWireSerializable;

/// <summary>Re-check a held order now (e.g. after its product was linked in the ERP).</summary>
public sealed record RetryOrder(string OrderId) : IWithOrderId, IWireSerializable;

/// <summary>An order's call to its marketplace, queued behind the connection's rate limit: an acknowledgement,
/// a status, or line edits.</summary>
public sealed record OrderCallRequest(string ConnectionId, string OrderId, long CallId, string MarketplaceOrderId,
    bool Acknowledge, OrderStatusUpdate? Status, IReadOnlyList<OrderLineChange>? Lines) : IWithConnectionId, IWireSerializable
{
    public string What => Acknowledge ? "acknowledgement" : Status is { } s ? "status " + s.Status : "line edits";
}

/// <summary>How an order call ended. Transient failures never come back here: the connection retries them.</summary>
public sealed record OrderCallResult(string OrderId, long CallId, bool Ok, int? StatusCode, string? Reason) : IWithOrderId, IWireSerializable;

/// <summary>Pull the connection's orders now (besides the schedule).</summary>
public sealed record PullOrdersNow(string ConnectionId) : IWithConnectionId, IWireSerializable;

/// <summary>A connection pulled its order source to the end.</summary>
public sealed record OrdersPulled(string ConnectionId, int Orders, int Unreadable, DateTimeOffset At) : IMarketplaceEvent;

/// <summary>A cursor source has handed every order updated before <see cref="UpdatedSince"/> to its entity: the
/// next pull starts there (less the overlap).</summary>
public sealed record OrderCursorAdvanced(string ConnectionId, DateTimeOffset UpdatedSince) : IMarketplaceEvent;

/// <summary>An order entity's answer to <see cref="ReceiveMarketplaceOrder"/>: that version is in its journal (or
/// was already). A cursor source advances only past orders so confirmed.</summary>
public sealed record OrderVersionStored(string OrderId) : IWireSerializable;
