using System.Globalization;
using System.Security.Cryptography;

namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// The emulated Cartona's orders, per supplier account (token), in memory. The test drives the retailer's and
/// Cartona's side through the public methods; the supplier's side comes over HTTP. Every retailer- or
/// Cartona-side change bumps the order's version and puts it back in the pull queue until the supplier
/// acknowledges (<c>synced</c>) the version a pull returned. Thread-safe: one lock guards everything.
/// </summary>
public sealed class CartonaOrderBook
{
    private const string IdAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private readonly object _gate = new();
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> _tokens;
    private readonly TimeProvider _clock;
    private long _nextDetailId = 11_973_734;
    private long _nextReceipt = 100_001;
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;

    internal CartonaOrderBook(IReadOnlySet<string> tokens, TimeProvider clock)
    {
        _tokens = tokens;
        _clock = clock;
    }

    /// <summary>Orders held, all accounts.</summary>
    public int Count
    {
        get { lock (_gate) return _orders.Count; }
    }

    /// <summary>Orders whose latest version is not yet acknowledged, all accounts.</summary>
    public int QueuedCount
    {
        get { lock (_gate) return _orders.Values.Count(o => o.AckedVersion < o.Version); }
    }

    /// <summary>A retailer places an order: status as specified (pending by default), version 1, queued.</summary>
    public CartonaOrderState Place(CartonaOrderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Details.Count == 0) throw new ArgumentException("An order needs at least one detail.", nameof(spec));
        if (!CartonaOrderStatus.All.Contains(spec.Status))
            throw new ArgumentException($"'{spec.Status}' is not a Cartona order status.", nameof(spec));
        if (spec.DeliveredBy is not (CartonaOrderStatus.DeliveredBySupplier or CartonaOrderStatus.DeliveredByCartona))
            throw new ArgumentException($"'{spec.DeliveredBy}' is not a delivered_by value.", nameof(spec));
        ArgumentNullException.ThrowIfNull(spec.Retailer);

        lock (_gate)
        {
            var token = ResolveToken(spec.Token);
            var hashedId = spec.HashedId ?? NewHashedId();
            if (hashedId.Length == 0) throw new ArgumentException("HashedId must not be empty.", nameof(spec));
            if (_orders.ContainsKey(hashedId)) throw new InvalidOperationException($"Order {hashedId} already exists.");
            var requiresOtp = spec.InstallmentCost > 0 || spec.WalletTopUp > 0;
            var order = new Order(token, hashedId)
            {
                ReceiptId = spec.ReceiptId ?? (_nextReceipt++).ToString(CultureInfo.InvariantCulture),
                SupplierCode = spec.SupplierCode,
                Status = spec.Status,
                DeliveredBy = spec.DeliveredBy,
                CartonaCredit = spec.CartonaCredit,
                InstallmentCost = spec.InstallmentCost,
                WalletTopUp = spec.WalletTopUp,
                Otp = spec.Otp ?? (requiresOtp ? RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture) : null),
                Retailer = spec.Retailer,
                Details = spec.Details.Select(d => NewLine(d, d.Id ?? _nextDetailId++)).ToList(),
            };
            _orders.Add(hashedId, order);
            Requeue(order);
            return order.Snapshot();
        }
    }

    /// <summary>The retailer opens the order for editing (pending → editing); the supplier may not act meanwhile.</summary>
    public CartonaOrderState RetailerEdit(string hashedId) =>
        RetailerChange(hashedId, o =>
        {
            Require(o, "start editing", CartonaOrderStatus.Pending);
            o.Status = CartonaOrderStatus.Editing;
        });

    /// <summary>
    /// The retailer saves the edit (editing → pending) with these lines. A line whose <see cref="CartonaOrderLineSpec.Id"/>
    /// names an existing detail keeps that id; other lines get new ids; existing details left out are cancelled.
    /// </summary>
    public CartonaOrderState RetailerFinishEdit(string hashedId, IReadOnlyList<CartonaOrderLineSpec> details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Count == 0) throw new ArgumentException("An order needs at least one detail.", nameof(details));
        return RetailerChange(hashedId, o =>
        {
            Require(o, "finish editing", CartonaOrderStatus.Editing);
            var kept = new List<CartonaOrderLine>();
            foreach (var spec in details)
            {
                if (spec.Id is { } id && o.Details.All(d => d.Id != id))
                    throw new InvalidOperationException($"Order {o.HashedId} has no detail {id}.");
                kept.Add(NewLine(spec, spec.Id ?? _nextDetailId++));
            }
            var dropped = o.Details.Where(d => kept.All(k => k.Id != d.Id)).Select(d => d with { Cancelled = true });
            o.Details = kept.Concat(dropped).ToList();
            o.Status = CartonaOrderStatus.Pending;
        });
    }

    /// <summary>The retailer cancels (pending or approved → cancelled_by_retailer).</summary>
    public CartonaOrderState RetailerCancel(string hashedId) =>
        RetailerChange(hashedId, o =>
        {
            Require(o, "cancel", CartonaOrderStatus.Pending, CartonaOrderStatus.Approved);
            o.Status = CartonaOrderStatus.CancelledByRetailer;
        });

    /// <summary>Cartona delivers a <c>delivered_by_cartona</c> order (from pending, approved or assigned_to_salesman).</summary>
    public CartonaOrderState CartonaDeliver(string hashedId) =>
        RetailerChange(hashedId, o =>
        {
            if (o.DeliveredBy != CartonaOrderStatus.DeliveredByCartona)
                throw new InvalidOperationException($"Order {o.HashedId} is delivered by the supplier, not by Cartona.");
            Require(o, "deliver", CartonaOrderStatus.Pending, CartonaOrderStatus.Approved, CartonaOrderStatus.AssignedToSalesman);
            o.Status = CartonaOrderStatus.Delivered;
        });

    /// <summary>Cartona's back office sets any status (no rules); the order is re-queued like any Cartona-side change.</summary>
    public CartonaOrderState CartonaSetStatus(string hashedId, string status)
    {
        if (!CartonaOrderStatus.All.Contains(status))
            throw new ArgumentException($"'{status}' is not a Cartona order status.", nameof(status));
        return RetailerChange(hashedId, o => o.Status = status);
    }

    /// <summary>The order, or null when there is none with this id.</summary>
    public CartonaOrderState? Get(string hashedId)
    {
        lock (_gate) return _orders.TryGetValue(hashedId, out var order) ? order.Snapshot() : null;
    }

    /// <summary>Every order, in pull-queue order (last update, then hashed_id).</summary>
    public IReadOnlyList<CartonaOrderState> All()
    {
        lock (_gate) return InQueueOrder(_orders.Values).Select(o => o.Snapshot()).ToList();
    }

    // ---- the supplier's side, called by the HTTP endpoints under the lock ----

    /// <summary>Runs <paramref name="action"/> under the book's lock.</summary>
    internal T Locked<T>(Func<T> action)
    {
        lock (_gate) return action();
    }

    /// <summary>The account's order; only valid inside <see cref="Locked{T}"/>.</summary>
    internal Order? Find(string token, string hashedId) =>
        _orders.TryGetValue(hashedId, out var order) && order.Token == token ? order : null;

    /// <summary>The account's unacknowledged orders, queue order; only valid inside <see cref="Locked{T}"/>.</summary>
    internal IEnumerable<Order> Queue(string token) =>
        InQueueOrder(_orders.Values.Where(o => o.Token == token && o.AckedVersion < o.Version));

    internal long NextDetailId() => _nextDetailId++;

    internal DateTimeOffset Now() => _clock.GetUtcNow();

    private CartonaOrderState RetailerChange(string hashedId, Action<Order> change)
    {
        ArgumentNullException.ThrowIfNull(hashedId);
        lock (_gate)
        {
            if (!_orders.TryGetValue(hashedId, out var order)) throw new KeyNotFoundException($"No order {hashedId}.");
            change(order);
            Requeue(order);
            return order.Snapshot();
        }
    }

    private void Requeue(Order order)
    {
        order.Version++;
        // Strictly increasing, so the queue order follows the order of changes even within one clock tick.
        var now = _clock.GetUtcNow();
        _lastStamp = now > _lastStamp ? now : _lastStamp.AddTicks(1);
        order.UpdatedAt = _lastStamp;
    }

    private static void Require(Order order, string action, params string[] statuses)
    {
        if (!statuses.Contains(order.Status))
            throw new InvalidOperationException(
                $"The retailer cannot {action} order {order.HashedId} while it is {order.Status}.");
    }

    private static IEnumerable<Order> InQueueOrder(IEnumerable<Order> orders) =>
        orders.OrderBy(o => o.UpdatedAt).ThenBy(o => o.HashedId, StringComparer.Ordinal);

    private static CartonaOrderLine NewLine(CartonaOrderLineSpec spec, long id)
    {
        if (spec.Amount <= 0) throw new ArgumentException($"Detail amount {spec.Amount} must be positive.");
        return new CartonaOrderLine(id, spec.InternalProductId, spec.SupplierProductId, spec.ProductName, spec.Amount,
            spec.SellingPrice, spec.AppliedSupplierDiscount, spec.AppliedCartonaDiscount, spec.Comment, Cancelled: false);
    }

    private string ResolveToken(string? token)
    {
        if (token is not null)
            return _tokens.Contains(token) ? token : throw new ArgumentException("The order's token is not one the emulator accepts.");
        if (_tokens.Count == 1) return _tokens.First();
        throw new ArgumentException("The emulator has several tokens: say which account the order belongs to (Token).");
    }

    private string NewHashedId()
    {
        while (true)
        {
            var id = string.Create(8, 0, (span, _) =>
            {
                for (var i = 0; i < span.Length; i++) span[i] = IdAlphabet[RandomNumberGenerator.GetInt32(IdAlphabet.Length)];
            });
            if (!_orders.ContainsKey(id)) return id;
        }
    }

    /// <summary>The mutable order behind the snapshots; only touched under the book's lock.</summary>
    internal sealed class Order(string token, string hashedId)
    {
        public string Token { get; } = token;
        public string HashedId { get; } = hashedId;
        public required string ReceiptId { get; init; }
        public required string SupplierCode { get; init; }
        public required string Status { get; set; }
        public required string DeliveredBy { get; init; }
        public decimal CartonaCredit { get; init; }
        public decimal InstallmentCost { get; init; }
        public decimal WalletTopUp { get; init; }
        public string? Otp { get; init; }
        public string? CancellationReason { get; set; }
        public required CartonaOrderRetailer Retailer { get; init; }
        public required List<CartonaOrderLine> Details { get; set; }
        public long Version { get; set; }
        public long LastPulledVersion { get; set; }
        public long AckedVersion { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public List<SupplierStatusChange> StatusHistory { get; } = [];
        public List<SupplierDetailEdit> DetailEdits { get; } = [];

        public bool RequiresOtp => InstallmentCost > 0 || WalletTopUp > 0;

        public CartonaOrderState Snapshot() =>
            new(Token, HashedId, ReceiptId, SupplierCode, Status, DeliveredBy, CartonaCredit, InstallmentCost, WalletTopUp,
                Otp, CancellationReason, Retailer, Details.ToList(), Version, LastPulledVersion, AckedVersion, UpdatedAt,
                StatusHistory.ToList(), DetailEdits.ToList());
    }
}
