namespace CartonaActors.Sandbox.Amazon.State;

/// <summary>The seller's listings and orders behind one lock, so a feed applying many messages and a test reading the
/// catalog never see half a change.</summary>
internal sealed class SellerState(TimeProvider clock)
{
    public object Gate { get; } = new();
    public Dictionary<string, ListingState> Listings { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, OrderState> Orders { get; } = new(StringComparer.Ordinal);
    private long _nextItemId = 10_000_000_000_001;

    /// <summary>Order times are kept to whole seconds, the precision the API prints, so a cursor built from a printed
    /// time never skips an order.</summary>
    public DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private long _nextChange = 1;

    /// <summary>Orders listing changes by when Amazon took them (a patch when accepted, a feed message when processed);
    /// call under <see cref="Gate"/>.</summary>
    public long NextChange() => _nextChange++;

    public string NextOrderItemId() => (_nextItemId++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string NewOrderId()
    {
        while (true)
        {
            var id = $"113-{Random.Shared.Next(1_000_000, 10_000_000)}-{Random.Shared.Next(1_000_000, 10_000_000)}";
            if (!Orders.ContainsKey(id)) return id;
        }
    }
}

internal sealed class ListingState(string sku, decimal price, int quantity, DateTimeOffset createdAt)
{
    public string Sku { get; } = sku;
    public decimal Price { get; set; } = price;
    public int Quantity { get; set; } = quantity;
    public int PatchesApplied { get; set; }
    public int FeedMessagesApplied { get; set; }
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    /// <summary>The latest change applied; an older one arriving later (delayed patches are timers and may fire out
    /// of order) is superseded, so the last submission wins as on Amazon.</summary>
    public long LastChange { get; private set; }

    public void Apply(ListingChange change, long sequence, DateTimeOffset at)
    {
        if (sequence < LastChange) return;
        LastChange = sequence;
        if (change.Price is { } p) Price = p;
        if (change.Quantity is { } q) Quantity = q;
        UpdatedAt = at;
    }

    public AmazonListing Snapshot() => new(Sku, Price, Quantity, PatchesApplied, FeedMessagesApplied);
}

/// <summary>What one patch request or feed message changes; null leaves the value as it is.</summary>
internal sealed record ListingChange(decimal? Price, int? Quantity);
