using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Orders;

/// <summary>A message routed to one order entity (id <c>&lt;connection&gt;/&lt;marketplace order id&gt;</c>).</summary>
public interface IWithOrderId
{
    string OrderId { get; }
}

public interface IOrderEvent : IWithOrderId, IWireSerializable;

/// <summary>A line of the ERP sale order as last observed.</summary>
public sealed record ErpLine(long LineId, long VariantId, decimal Quantity, decimal PriceUnit);

/// <summary>A new version of the order as the marketplace returned it (all lines and the raw payload kept).</summary>
public sealed record OrderVersionReceived(string OrderId, int Version, MarketplaceOrder Order, DateTimeOffset At) : IOrderEvent;

/// <summary>The version cannot be imported; the reason is shown until it changes. Logged once per reason.</summary>
public sealed record OrderHeld(string OrderId, int Version, string Reason) : IOrderEvent;

public sealed record OrderCustomerLinked(string OrderId, long PartnerId) : IOrderEvent;

/// <summary>The ERP sale order for this marketplace order, created or found by its client_order_ref, with
/// which ERP line carries which marketplace line.</summary>
/// <param name="Lines">The lines of <paramref name="Version"/>, as the ERP order got them (a retailer's edit may have
/// arrived during the import); absent in journals written before it was kept: the latest version's lines.</param>
public sealed record SaleOrderLinked(string OrderId, long SaleOrderId, int Version, IReadOnlyDictionary<long, long> LineByDetail,
    IReadOnlyList<OrderLine>? Lines = null) : IOrderEvent;

/// <summary>A retailer's edit is now in the ERP order (or was flagged instead): these details are agreed.</summary>
/// <param name="Version">The version whose lines these are; absent in older journals: the latest version.</param>
public sealed record OrderLinesSettled(string OrderId, IReadOnlyList<OrderLine> Lines, IReadOnlyDictionary<long, long> LineByDetail,
    int? Version = null) : IOrderEvent;

/// <summary>The ERP order now reflects this marketplace status (confirmed, delivered, cancelled…).</summary>
public sealed record ErpStatusApplied(string OrderId, string Status) : IOrderEvent;

/// <summary>The marketplace took the acknowledgement of this version: it will not be pulled again until it changes.</summary>
public sealed record OrderAcknowledged(string OrderId, int Version) : IOrderEvent;

public sealed record ErpOrderObserved(string OrderId, string State, bool DeliveryDone, IReadOnlyList<ErpLine> Lines) : IOrderEvent;

/// <summary>The marketplace accepted this status from the seller.</summary>
public sealed record MarketplaceStatusPushed(string OrderId, string Status) : IOrderEvent;

/// <summary>A status the ERP implies was not sent: illegal on the platform's state machine, or refused by it.</summary>
public sealed record MarketplaceStatusRefused(string OrderId, string From, string To, string Reason) : IOrderEvent;

/// <summary>ERP line edits were sent to the marketplace; the lines it now shows.</summary>
public sealed record MarketplaceLinesPushed(string OrderId, IReadOnlyList<OrderLine> Lines, IReadOnlyList<long> AddedErpLines) : IOrderEvent;

/// <summary>Something only a person can resolve (e.g. the marketplace cancelled an order whose delivery is done).</summary>
public sealed record OrderFlagged(string OrderId, string Reason) : IOrderEvent;

/// <summary>Journals written before the delivery code was kept out of them hold the code here; only read.</summary>
public sealed record RetailerOtpGiven(string OrderId, string Otp) : IOrderEvent;

/// <summary>An operator gave the buyer's delivery code. The code itself is not in the event: the entity holds it
/// in memory (<see cref="OrderState.RetailerOtp"/>) until the marketplace has it.</summary>
public sealed record DeliveryCodeGiven(string OrderId) : IOrderEvent;
