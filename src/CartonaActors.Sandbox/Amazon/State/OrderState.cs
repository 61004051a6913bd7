namespace CartonaActors.Sandbox.Amazon.State;

/// <summary>A merchant-fulfilled order. Every status change and buyer cancel request moves <see cref="LastUpdated"/>,
/// which is what searchOrders' lastUpdatedAfter sees.</summary>
internal sealed class OrderState(string id, DateTimeOffset createdAt, AmazonBuyer buyer, AmazonAddress? shipTo, List<OrderItemState> items)
{
    public string Id { get; } = id;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset LastUpdated { get; private set; } = createdAt;
    public AmazonBuyer Buyer { get; } = buyer;
    public AmazonAddress? ShipTo { get; } = shipTo;
    public List<OrderItemState> Items { get; } = items;
    public string Status { get; set; } = "UNSHIPPED";
    public int Shipments { get; set; }

    /// <summary>Confirmed shipments, in order, as the PACKAGES dataset shows them.</summary>
    public List<PackageState> Packages { get; } = [];

    /// <summary>MERCHANT or AMAZON once cancelled.</summary>
    public string? CancelledBy { get; set; }
    public string? CancelReason { get; set; }

    // Never backwards: a clock stepped back must not hide a change from a lastUpdatedAfter cursor.
    public void Touch(DateTimeOffset now)
    {
        if (now > LastUpdated) LastUpdated = now;
    }

    public decimal Total => Items.Sum(i => i.UnitPrice * i.Quantity);

    public AmazonOrderView View() => new(Id, Status, Shipments, Items.ToDictionary(i => i.Id, i => i.Shipped), CancelledBy == "MERCHANT", LastUpdated)
    {
        Items = Items.Select(i => new AmazonOrderItemView(i.Id, i.Sku, i.Quantity, i.Shipped, i.BuyerCancelReason is not null)).ToList(),
    };
}

internal sealed class OrderItemState(string id, string sku, int quantity, decimal unitPrice)
{
    public string Id { get; } = id;
    public string Sku { get; } = sku;
    public int Quantity { get; } = quantity;
    public decimal UnitPrice { get; } = unitPrice;
    public int Shipped { get; set; }
    public string? BuyerCancelReason { get; set; }
}

/// <summary>One confirmed package: reference, carrier, tracking, ship time and the units of each item in it.</summary>
internal sealed record PackageState(string ReferenceId, string Carrier, string TrackingNumber, DateTimeOffset ShipTime, DateTimeOffset CreatedTime,
    IReadOnlyList<(string OrderItemId, int Quantity)> Items);
