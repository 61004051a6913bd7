using CartonaActors.Sandbox.Amazon.State;

namespace CartonaActors.Sandbox.Amazon;

/// <summary>Orders as buyers and Amazon make them: placing, buyer cancel requests, Amazon-side cancels.</summary>
public sealed class AmazonOrderBook
{
    private readonly SellerState _state;

    internal AmazonOrderBook(SellerState state) => _state = state;

    /// <summary>A paid, merchant-fulfilled order, UNSHIPPED; the lines need not be listed in the catalog.</summary>
    public string Place(AmazonBuyer buyer, AmazonAddress? shipTo, params AmazonOrderLine[] lines)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        if (lines is null || lines.Length == 0) throw new ArgumentException("an order needs at least one line", nameof(lines));
        foreach (var line in lines) ArgumentOutOfRangeException.ThrowIfLessThan(line.Quantity, 1);
        lock (_state.Gate)
        {
            var id = _state.NewOrderId();
            var items = lines.Select(l => new OrderItemState(_state.NextOrderItemId(), l.Sku, l.Quantity, l.UnitPrice)).ToList();
            _state.Orders[id] = new OrderState(id, _state.Now(), buyer, shipTo, items);
            return id;
        }
    }

    /// <summary>The buyer asks to cancel: every item carries the request; the status stays as it is.</summary>
    public void RequestBuyerCancel(string id, string reason = "Buyer requested cancellation")
    {
        lock (_state.Gate)
        {
            var order = Find(id);
            foreach (var item in order.Items) item.BuyerCancelReason = reason;
            order.Touch(_state.Now());
        }
    }

    /// <summary>Amazon cancels the order (e.g. payment failed).</summary>
    public void CancelByAmazon(string id)
    {
        lock (_state.Gate)
        {
            var order = Find(id);
            order.Status = "CANCELLED";
            order.CancelledBy = "AMAZON";
            order.CancelReason = "Cancelled by Amazon";
            order.Touch(_state.Now());
        }
    }

    public AmazonOrderView? Get(string id)
    {
        lock (_state.Gate) return _state.Orders.TryGetValue(id, out var o) ? o.View() : null;
    }

    public IReadOnlyList<string> Ids
    {
        get { lock (_state.Gate) return _state.Orders.Keys.ToList(); }
    }

    private OrderState Find(string id) =>
        _state.Orders.TryGetValue(id, out var o) ? o : throw new KeyNotFoundException($"no order {id}");
}
