using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Orders;

/// <summary>A pulled order (new or a new version) for its entity.</summary>
public sealed record ReceiveCartonaOrder(string OrderId, CartonaOrder Order) : IWithOrderId, ICartonaSerializable;

/// <summary>The ERP sale order changed (webhook or poll); the entity compares and acts.</summary>
public sealed record ErpOrderChanged(string OrderId, string State, bool DeliveryDone, IReadOnlyList<ErpLine> Lines) : IWithOrderId, ICartonaSerializable;

/// <summary>An operator gives the retailer's OTP: Cartona is told delivered first, the ERP delivery is validated after.</summary>
public sealed record DeliverWithOtp(string OrderId, string Otp) : IWithOrderId, ICartonaSerializable;

public sealed record GetOrder(string OrderId) : IWithOrderId, ICartonaSerializable;

/// <summary>Re-check a held order now (e.g. after its product was linked in the ERP).</summary>
public sealed record RetryOrder(string OrderId) : IWithOrderId, ICartonaSerializable;

/// <summary>An order's call to its marketplace, queued behind the connection's rate limit. <c>synced</c> in
/// <see cref="Status"/> is the acknowledgement.</summary>
public sealed record OrderCallRequest(string ConnectionId, string OrderId, long CallId, string HashedId,
    OrderStatusUpdate? Status, IReadOnlyList<OrderDetailChange>? Details) : IWithConnectionId, ICartonaSerializable;

/// <summary>How an order call ended. Transient failures never come back here: the connection retries them.</summary>
public sealed record OrderCallResult(string OrderId, long CallId, bool Ok, int? StatusCode, string? Reason) : IWithOrderId, ICartonaSerializable;

/// <summary>Pull the connection's orders now (besides the schedule).</summary>
public sealed record PullOrdersNow(string ConnectionId) : IWithConnectionId, ICartonaSerializable;

/// <summary>A connection pulled its order queue to the end.</summary>
public sealed record OrdersPulled(string ConnectionId, int Orders, int Unreadable, DateTimeOffset At) : IMarketplaceEvent;
