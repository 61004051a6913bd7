namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// The emulated marketplace's orders, in memory. The test plays the buyer's and the marketplace's side through
/// the public methods; the seller's side comes over HTTP. Every change stamps the order with a new
/// <c>updated_at</c>, strictly increasing across all orders (1 ms later than the previous stamp when the clock
/// has not moved), so a changed order moves to the end of the feed and an "updated since" poll finds it.
/// Thread-safe: one lock guards everything.
/// </summary>
public sealed class RestOrderBook
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly SortedSet<OrderPosition> _feed = new(OrderPosition.Comparer);
    private readonly TimeProvider _clock;
    private long _nextNumber = 1001;
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;

    internal RestOrderBook(TimeProvider clock) => _clock = clock;

    /// <summary>Orders held.</summary>
    public int Count
    {
        get { lock (_gate) return _orders.Count; }
    }

    /// <summary>Every order, in feed order (updated_at, then id).</summary>
    public IReadOnlyList<RestOrder> All
    {
        get { lock (_gate) return _feed.Select(p => _orders[p.Id].Snapshot()).ToList(); }
    }

    /// <summary>The order, or null when there is none with this id.</summary>
    public RestOrder? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate) return _orders.TryGetValue(id, out var order) ? order.Snapshot() : null;
    }

    /// <summary>A buyer places an order: created_at = updated_at = now (strictly after every earlier change).</summary>
    public RestOrder Place(RestOrderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(spec.Lines);
        if (spec.Lines.Count == 0) throw new ArgumentException("An order needs at least one line.", nameof(spec));
        if (!RestOrderStatus.All.Contains(spec.Status))
            throw new ArgumentException($"'{spec.Status}' is not an order status.", nameof(spec));
        ArgumentNullException.ThrowIfNull(spec.Customer);
        ArgumentNullException.ThrowIfNull(spec.ShippingAddress);
        ArgumentException.ThrowIfNullOrEmpty(spec.Currency);
        foreach (var line in spec.Lines)
        {
            if (string.IsNullOrEmpty(line.ExternalId)) throw new ArgumentException("Every line needs an external id.", nameof(spec));
            if (line.Qty < 1) throw new ArgumentException($"Line qty {line.Qty} must be positive.", nameof(spec));
            if (line.UnitPrice < 0) throw new ArgumentException($"Line unit price {line.UnitPrice} must not be negative.", nameof(spec));
        }

        lock (_gate)
        {
            var id = spec.Id ?? NewId();
            if (id.Length == 0) throw new ArgumentException("Id must not be empty.", nameof(spec));
            if (_orders.ContainsKey(id)) throw new InvalidOperationException($"Order {id} already exists.");
            var stamp = NextStamp();
            var order = new Order(id, spec.Customer, spec.ShippingAddress, spec.Currency, stamp)
            {
                Status = spec.Status,
                Lines = spec.Lines
                    .Select((l, i) => new RestOrderLine(i + 1, l.ExternalId, l.Name ?? $"Product {l.ExternalId}", l.Qty, l.UnitPrice))
                    .ToList(),
                UpdatedAt = stamp,
            };
            _orders.Add(id, order);
            _feed.Add(order.Position);
            return order.Snapshot();
        }
    }

    /// <summary>The buyer cancels (pending or confirmed → cancelled); the order moves to the end of the feed.</summary>
    public RestOrder CancelByBuyer(string id, string? reason = null) =>
        Change(id, o =>
        {
            if (!RestOrderStatus.BuyerMayCancel(o.Status))
                throw new InvalidOperationException($"The buyer cannot cancel order {o.Id} while it is {o.Status}.");
            ChangeStatus(o, RestOrderActor.Buyer, RestOrderStatus.Cancelled, reason ?? "cancelled by the buyer");
        });

    /// <summary>
    /// The marketplace's back office sets any status (no rules, e.g. <c>returned</c>); the order moves to the end of
    /// the feed. Setting the status it already has changes nothing.
    /// </summary>
    public RestOrder SetStatus(string id, string status)
    {
        if (!RestOrderStatus.All.Contains(status)) throw new ArgumentException($"'{status}' is not an order status.", nameof(status));
        lock (_gate)
        {
            var order = Find(id) ?? throw new KeyNotFoundException($"No order {id}.");
            if (order.Status == status) return order.Snapshot();
            ChangeStatus(order, RestOrderActor.Marketplace, status, reason: null);
            return order.Snapshot();
        }
    }

    /// <summary>The marketplace changes something other than the status (an address, a note): only updated_at moves.</summary>
    public RestOrder Touch(string id) => Change(id, Restamp);

    // ---- the seller's side, called by the HTTP endpoints under the lock ----

    /// <summary>Runs <paramref name="action"/> under the book's lock.</summary>
    internal T Locked<T>(Func<T> action)
    {
        lock (_gate) return action();
    }

    /// <summary>The order; only valid inside <see cref="Locked{T}"/>.</summary>
    internal Order? Find(string id) => _orders.GetValueOrDefault(id);

    /// <summary>
    /// Up to <paramref name="limit"/> orders after <paramref name="after"/> (exclusive), or else from
    /// <paramref name="since"/> (inclusive), in feed order; whether more follow. Only valid inside <see cref="Locked{T}"/>.
    /// </summary>
    internal (List<Order> Page, bool HasMore) Page(OrderPosition? after, DateTimeOffset? since, int limit)
    {
        var page = new List<Order>(limit);
        if (_feed.Count == 0) return (page, false);
        var last = _feed.Max;
        IEnumerable<OrderPosition> from;
        if (after is { } cursor)
        {
            if (OrderPosition.Compare(cursor, last) >= 0) return (page, false);
            from = _feed.GetViewBetween(cursor, last).SkipWhile(p => OrderPosition.Compare(p, cursor) == 0);
        }
        else if (since is { } time)
        {
            var first = new OrderPosition(time, "");
            if (OrderPosition.Compare(first, last) > 0) return (page, false);
            from = _feed.GetViewBetween(first, last);
        }
        else
        {
            from = _feed;
        }

        var hasMore = false;
        foreach (var position in from)
        {
            if (page.Count == limit)
            {
                hasMore = true;
                break;
            }
            page.Add(_orders[position.Id]);
        }
        return (page, hasMore);
    }

    /// <summary>The seller's accepted status change; only valid inside <see cref="Locked{T}"/>.</summary>
    internal void SellerChange(Order order, string status, string? reason, string? tracking)
    {
        if (tracking is not null) order.Tracking = tracking;
        ChangeStatus(order, RestOrderActor.Seller, status, reason);
    }

    private RestOrder Change(string id, Action<Order> change)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            var order = Find(id) ?? throw new KeyNotFoundException($"No order {id}.");
            change(order);
            return order.Snapshot();
        }
    }

    private void ChangeStatus(Order order, RestOrderActor by, string status, string? reason)
    {
        Restamp(order);
        order.History.Add(new RestStatusChange(order.UpdatedAt, by, order.Status, status, reason));
        if (status == RestOrderStatus.Cancelled) order.CancelReason = reason;
        order.Status = status;
    }

    private void Restamp(Order order)
    {
        _feed.Remove(order.Position);
        order.UpdatedAt = NextStamp();
        _feed.Add(order.Position);
    }

    // Whole milliseconds, so the updated_at a client reads back is exactly the one held and an inclusive
    // "updated since" that value finds the order again.
    private DateTimeOffset NextStamp()
    {
        var ticks = _clock.GetUtcNow().UtcTicks;
        var now = new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        _lastStamp = now > _lastStamp ? now : _lastStamp.AddMilliseconds(1);
        return _lastStamp;
    }

    private string NewId()
    {
        while (true)
        {
            var id = $"ord_{_nextNumber++}";
            if (!_orders.ContainsKey(id)) return id;
        }
    }

    /// <summary>The mutable order behind the snapshots; only touched under the book's lock.</summary>
    internal sealed class Order(string id, RestCustomer customer, RestAddress shippingAddress, string currency, DateTimeOffset createdAt)
    {
        public string Id { get; } = id;
        public RestCustomer Customer { get; } = customer;
        public RestAddress ShippingAddress { get; } = shippingAddress;
        public string Currency { get; } = currency;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public required string Status { get; set; }
        public required List<RestOrderLine> Lines { get; init; }
        public required DateTimeOffset UpdatedAt { get; set; }
        public string? CancelReason { get; set; }
        public string? Tracking { get; set; }
        public List<RestStatusChange> History { get; } = [];

        public OrderPosition Position => new(UpdatedAt, Id);

        public decimal Amount => Lines.Sum(l => l.Qty * l.UnitPrice);

        public RestOrder Snapshot() =>
            new(Id, Status, Customer, ShippingAddress, Lines.ToList(), Currency, Amount, CreatedAt, UpdatedAt,
                CancelReason, Tracking, History.ToList());
    }
}
