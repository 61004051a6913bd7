namespace CartonaActors.Sandbox.Ebay.State;

/// <summary>A paid order: its lines, shipping fulfilments and cancel requests. Status fields are derived, so a
/// fulfilment or a cancel can never leave them inconsistent.</summary>
internal sealed class Order
{
    public required string OrderId { get; init; }
    public required string LegacyOrderId { get; init; }
    public required EbayBuyer Buyer { get; init; }
    public required EbayAddress? ShipTo { get; init; }
    public required IReadOnlyList<OrderLine> Lines { get; init; }
    public required DateTimeOffset CreationDate { get; init; }
    public DateTimeOffset LastModifiedDate { get; set; }
    public List<Fulfillment> Fulfillments { get; } = [];
    public List<CancelRequest> CancelRequests { get; } = [];
    public DateTimeOffset? CancelledDate { get; set; }

    public bool Cancelled => CancelledDate is not null;

    public string CancelState => Cancelled ? "CANCELED" : CancelRequests.Count > 0 ? "IN_PROGRESS" : "NONE_REQUESTED";

    public string PaymentStatus => Cancelled ? "FULLY_REFUNDED" : "PAID";

    /// <summary>eBay counts a line FULFILLED once any unit of it is in a fulfilment.</summary>
    public string LineStatus(OrderLine line) =>
        Fulfillments.Any(f => f.Lines.Any(l => l.LineItemId == line.LineItemId)) ? "FULFILLED" : "NOT_STARTED";

    public string FulfillmentStatus
    {
        get
        {
            var done = Lines.Count(l => LineStatus(l) == "FULFILLED");
            return done == 0 ? "NOT_STARTED" : done == Lines.Count ? "FULFILLED" : "IN_PROGRESS";
        }
    }

    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);

    public EbayOrderView View() =>
        new(OrderId, LegacyOrderId, FulfillmentStatus, CancelState, Fulfillments.Count, CancelRequests.Count, LastModifiedDate);
}

internal sealed record OrderLine(string LineItemId, string LegacyItemId, string TransactionId, string Sku, int Quantity, decimal UnitPrice);

internal sealed record Fulfillment(string FulfillmentId, IReadOnlyList<(string LineItemId, int Quantity)> Lines, DateTimeOffset ShippedDate,
    string ShippingCarrierCode, string TrackingNumber);

internal sealed record CancelRequest(string CancelId, string Initiator, string Reason, DateTimeOffset RequestedDate);
