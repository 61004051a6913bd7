using CartonaActors.Sandbox.Ebay.State;

namespace CartonaActors.Sandbox.Ebay;

/// <summary>Orders as buyers make and change them: placed paid, touched, cancelled by the buyer. Every change bumps
/// lastModifiedDate by the clock.</summary>
public sealed class EbayOrderBook
{
    private readonly EbayStore _store;

    internal EbayOrderBook(EbayStore store) => _store = store;

    /// <summary>A paid order, NOT_STARTED; returns its orderId. A line whose SKU is listed takes its quantity off the listing.</summary>
    public string Place(EbayBuyer buyer, EbayAddress? shipTo, params EbayOrderLine[] lines)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        if (lines is null || lines.Length == 0) throw new ArgumentException("an order needs at least one line", nameof(lines));
        if (lines.Any(l => l.Quantity < 1)) throw new ArgumentException("line quantity must be positive", nameof(lines));
        lock (_store.Gate)
        {
            var now = _store.Now;
            var built = lines.Select(l => new OrderLine(_store.NextLineItemId(), _store.NextItemId(), _store.NextTransactionId(), l.Sku, l.Quantity,
                l.UnitPrice)).ToList();
            var order = new Order
            {
                OrderId = _store.NextOrderId(),
                // A single-line legacy order id is "itemId-transactionId"; we use the first line's for every order.
                LegacyOrderId = built[0].LegacyItemId + "-" + built[0].TransactionId,
                Buyer = buyer,
                ShipTo = shipTo,
                Lines = built,
                CreationDate = now,
                LastModifiedDate = now,
            };
            _store.Orders.Add(order);
            foreach (var line in lines)
                if (_store.BySku.TryGetValue(line.Sku, out var listing)) listing.Quantity = Math.Max(0, listing.Quantity - line.Quantity);
            return order.OrderId;
        }
    }

    /// <summary>Any change eBay makes to the order (a message, a payment update): only lastModifiedDate moves.</summary>
    public void Touch(string orderId)
    {
        lock (_store.Gate) Require(orderId).LastModifiedDate = _store.Now;
    }

    /// <summary>The buyer cancels (and the cancel completes): cancelState CANCELED, payment FULLY_REFUNDED.</summary>
    public void CancelByBuyer(string orderId)
    {
        lock (_store.Gate)
        {
            var order = Require(orderId);
            if (order.Cancelled) return;
            var now = _store.Now;
            order.CancelRequests.Add(new CancelRequest(_store.NextCancelId(), "BUYER", "ORDER_MISTAKE", now));
            order.CancelledDate = now;
            order.LastModifiedDate = now;
        }
    }

    public EbayOrderView? Get(string orderId)
    {
        lock (_store.Gate) return _store.Find(orderId)?.View();
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<string> Ids
    {
        get { lock (_store.Gate) return _store.Orders.Select(o => o.OrderId).ToList(); }
    }

    private Order Require(string orderId) => _store.Find(orderId) ?? throw new KeyNotFoundException($"no order {orderId}");
}
