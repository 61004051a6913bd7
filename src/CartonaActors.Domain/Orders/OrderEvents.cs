using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Orders;

/// <summary>A message routed to one order entity (id <c>&lt;connection&gt;/&lt;hashed_id&gt;</c>).</summary>
public interface IWithOrderId
{
    string OrderId { get; }
}

public interface IOrderEvent : IWithOrderId, ICartonaSerializable;

/// <summary>A line of the ERP sale order as last observed.</summary>
public sealed record ErpLine(long LineId, long VariantId, decimal Quantity, decimal PriceUnit);

/// <summary>A new version of the order as Cartona returned it (all lines and the raw payload kept).</summary>
public sealed record OrderVersionReceived(string OrderId, int Version, CartonaOrder Order, DateTimeOffset At) : IOrderEvent;

/// <summary>The version cannot be imported; the reason is shown until it changes. Logged once per reason.</summary>
public sealed record OrderHeld(string OrderId, int Version, string Reason) : IOrderEvent;

public sealed record OrderCustomerLinked(string OrderId, long PartnerId) : IOrderEvent;

/// <summary>The ERP sale order for this marketplace order, created or found by its client_order_ref, with
/// which ERP line carries which Cartona detail.</summary>
public sealed record SaleOrderLinked(string OrderId, long SaleOrderId, int Version, IReadOnlyDictionary<long, long> LineByDetail) : IOrderEvent;

/// <summary>A retailer's edit is now in the ERP order (or was flagged instead): these details are agreed.</summary>
public sealed record OrderLinesSettled(string OrderId, IReadOnlyList<CartonaOrderDetail> Details, IReadOnlyDictionary<long, long> LineByDetail) : IOrderEvent;

/// <summary>The ERP order now reflects this Cartona status (confirmed, delivered, cancelled…).</summary>
public sealed record ErpStatusApplied(string OrderId, string CartonaStatus) : IOrderEvent;

/// <summary>Cartona accepted <c>synced</c> for this version: it will not be pulled again until it changes.</summary>
public sealed record OrderAcknowledged(string OrderId, int Version) : IOrderEvent;

public sealed record ErpOrderObserved(string OrderId, string State, bool DeliveryDone, IReadOnlyList<ErpLine> Lines) : IOrderEvent;

public sealed record CartonaStatusPushed(string OrderId, string Status) : IOrderEvent;

/// <summary>A status the ERP implies was not sent: illegal on Cartona's state machine, or refused by Cartona.</summary>
public sealed record CartonaStatusRefused(string OrderId, string From, string To, string Reason) : IOrderEvent;

/// <summary>ERP line edits were sent to Cartona; the details it now shows.</summary>
public sealed record CartonaLinesPushed(string OrderId, IReadOnlyList<CartonaOrderDetail> Details, IReadOnlyList<long> AddedErpLines) : IOrderEvent;

/// <summary>Something only a person can resolve (e.g. Cartona cancelled an order whose delivery is done).</summary>
public sealed record OrderFlagged(string OrderId, string Reason) : IOrderEvent;

public sealed record RetailerOtpGiven(string OrderId, string Otp) : IOrderEvent;
