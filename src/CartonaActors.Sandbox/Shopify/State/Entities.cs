namespace CartonaActors.Sandbox.Shopify.State;

// The shop's mutable records. They are touched only while ShopState.Gate is held; the public surface hands out
// immutable snapshots instead.

internal sealed class LocationEntity(string id, string name)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
}

internal sealed class ProductEntity(string id, string title)
{
    public string Id { get; } = id;
    public string Title { get; } = title;
    public List<VariantEntity> Variants { get; } = [];
}

internal sealed class VariantEntity(string id, string sku, string? barcode, decimal price, ProductEntity product, string inventoryItemId)
{
    public string Id { get; } = id;
    public string Sku { get; } = sku;
    public string? Barcode { get; } = barcode;
    public decimal Price { get; set; } = price;
    public decimal? CompareAtPrice { get; set; }
    public ProductEntity Product { get; } = product;
    public string InventoryItemId { get; } = inventoryItemId;
}

/// <summary>The InventoryItem object: one per variant.</summary>
internal sealed record InventoryItemRef(VariantEntity Variant);

internal sealed class InventoryLevelEntity(VariantEntity variant, LocationEntity location)
{
    public VariantEntity Variant { get; } = variant;
    public LocationEntity Location { get; } = location;
    public int Available { get; set; }
    public int OnHand { get; set; }
}

/// <summary>A quantity name and value as InventoryLevel.quantities answers it.</summary>
internal sealed record QuantityValue(string Name, int Quantity);

internal sealed class OrderEntity(string id, string name, DateTimeOffset createdAt, ShopifyCustomer customer, ShopifyAddress? shipTo, string currency)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string FinancialStatus { get; set; } = "PAID";
    public string FulfillmentStatus { get; set; } = "UNFULFILLED";
    public ShopifyCustomer Customer { get; } = customer;
    public ShopifyAddress? ShipTo { get; } = shipTo;
    public string Currency { get; } = currency;
    public List<LineItemEntity> Lines { get; } = [];
    public List<FulfillmentOrderEntity> FulfillmentOrders { get; } = [];
    public int Fulfillments { get; set; }
    public int CancelCalls { get; set; }
    public bool CancelPending { get; set; }
    public bool RefundOnCancel { get; set; }
    public string? PendingReason { get; set; }
    public decimal Total => Lines.Sum(l => l.UnitPrice * l.Quantity);
}

internal sealed class LineItemEntity(string id, VariantEntity variant, int quantity, decimal unitPrice, string currency)
{
    public string Currency { get; } = currency;
    public string Id { get; } = id;
    public VariantEntity Variant { get; } = variant;
    public int Quantity { get; } = quantity;
    public decimal UnitPrice { get; } = unitPrice;
    public string Name => Variant.Product.Title;
}

internal sealed class FulfillmentOrderEntity(string id, OrderEntity order)
{
    public string Id { get; } = id;
    public OrderEntity Order { get; } = order;
    public string Status { get; set; } = "OPEN";
    public List<FulfillmentOrderLineEntity> Lines { get; } = [];
}

internal sealed class FulfillmentOrderLineEntity(string id, LineItemEntity lineItem)
{
    public string Id { get; } = id;
    public LineItemEntity LineItem { get; } = lineItem;
    public int Remaining { get; set; } = lineItem.Quantity;
}

/// <summary>A money amount in the shop's currency (MoneyBag.shopMoney / MoneyV2).</summary>
internal sealed record Money(decimal Amount, string CurrencyCode);
