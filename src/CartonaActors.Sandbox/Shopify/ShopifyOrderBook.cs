using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify;

/// <summary>The shop's orders; the test plays the buyer and the merchant through it. Every change bumps
/// updatedAt (whole seconds, by the emulator's clock) and sends the matching order webhooks.</summary>
public sealed class ShopifyOrderBook
{
    private readonly ShopState _shop;

    internal ShopifyOrderBook(ShopState shop) => _shop = shop;

    /// <summary>Places a paid, unfulfilled order with one open fulfillment order for all its lines; returns its gid.</summary>
    public string Place(ShopifyCustomer customer, ShopifyAddress? shipTo, IReadOnlyList<ShopifyOrderLine> lines, string currency = "EGP")
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0) throw new ArgumentException("an order needs lines", nameof(lines));
        lock (_shop.Gate)
        {
            var order = new OrderEntity(_shop.NewId("Order"), "#" + _shop.NextOrderNumber++, _shop.Now(), customer, shipTo, currency);
            var fo = new FulfillmentOrderEntity(_shop.NewId("FulfillmentOrder"), order);
            foreach (var line in lines)
            {
                var variant = _shop.VariantBySku(line.Sku) ?? throw new ArgumentException($"unknown sku {line.Sku}", nameof(lines));
                if (line.Quantity <= 0) throw new ArgumentException("quantity must be positive", nameof(lines));
                var item = new LineItemEntity(_shop.NewId("LineItem"), variant, line.Quantity, line.UnitPrice, currency);
                order.Lines.Add(item);
                fo.Lines.Add(new FulfillmentOrderLineEntity(_shop.NewId("FulfillmentOrderLineItem"), item));
            }
            order.FulfillmentOrders.Add(fo);
            _shop.Orders.Add(order);
            _shop.OrderEvent?.Invoke("orders/create", order);
            return order.Id;
        }
    }

    /// <summary>The merchant cancels in the admin: immediate; orders/cancelled then orders/updated.</summary>
    public void Cancel(string orderGid, string reason = "CUSTOMER")
    {
        lock (_shop.Gate) OrderCancellation.Complete(_shop, Find(orderGid), reason);
    }

    /// <summary>An edit that changes nothing we read (a note, a tag): only updatedAt moves; orders/updated.</summary>
    public void Touch(string orderGid)
    {
        lock (_shop.Gate) _shop.Changed(Find(orderGid), "orders/updated");
    }

    /// <summary>The merchant archives (closes) the order; orders/updated.</summary>
    public void Close(string orderGid)
    {
        lock (_shop.Gate)
        {
            var order = Find(orderGid);
            order.ClosedAt ??= _shop.Now();
            _shop.Changed(order, "orders/updated");
        }
    }

    public ShopifyOrderSnapshot? Get(string orderGid)
    {
        lock (_shop.Gate)
        {
            var o = _shop.Order(orderGid);
            return o is null ? null : new ShopifyOrderSnapshot(o.Id, o.Name, o.UpdatedAt, o.CancelledAt, o.CancelReason, o.ClosedAt,
                o.FulfillmentStatus, o.FinancialStatus, o.Fulfillments, o.CancelCalls);
        }
    }

    /// <summary>Every order's gid, oldest first.</summary>
    public IReadOnlyList<string> Ids()
    {
        lock (_shop.Gate) return _shop.Orders.Select(o => o.Id).ToList();
    }

    private OrderEntity Find(string gid) => _shop.Order(gid) ?? throw new ArgumentException($"unknown order {gid}", nameof(gid));
}
