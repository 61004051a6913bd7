namespace CartonaActors.Sandbox.Shopify.State;

/// <summary>
/// Everything the shop holds — locations, products, inventory levels, orders — behind one lock, so one GraphQL
/// document (several aliased mutations included) runs atomically against it, and the test's seeding through
/// <see cref="ShopifyCatalog"/> and <see cref="ShopifyOrderBook"/> never interleaves with a request.
/// </summary>
internal sealed class ShopState(TimeProvider clock)
{
    private long _nextId = 1000;

    public object Gate { get; } = new();
    public TimeProvider Clock { get; } = clock;
    public List<LocationEntity> Locations { get; } = [];
    public List<ProductEntity> Products { get; } = [];
    public List<VariantEntity> Variants { get; } = [];
    public Dictionary<(string Item, string Location), InventoryLevelEntity> Levels { get; } = [];
    public List<OrderEntity> Orders { get; } = [];
    public int NextOrderNumber { get; set; } = 1001;

    /// <summary>orderCancel jobs by job gid; a job is done once its order's cancellation completed.</summary>
    public Dictionary<string, OrderEntity> Jobs { get; } = new(StringComparer.Ordinal);

    /// <summary>Called (under the lock) for every order event: topic and the order; the webhook sender listens.</summary>
    public Action<string, OrderEntity>? OrderEvent { get; set; }

    /// <summary>Shopify timestamps have whole seconds; keeping them so makes same-second ties real.</summary>
    public DateTimeOffset Now()
    {
        var now = Clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    public string NewId(string type) => Gid.Of(type, Interlocked.Increment(ref _nextId));

    public VariantEntity? VariantBySku(string sku) => Variants.FirstOrDefault(v => v.Sku == sku);

    public VariantEntity? VariantById(string id) => Variants.FirstOrDefault(v => v.Id == id);

    public VariantEntity? VariantByItem(string itemId) => Variants.FirstOrDefault(v => v.InventoryItemId == itemId);

    public LocationEntity? Location(string id) => Locations.FirstOrDefault(l => l.Id == id);

    public OrderEntity? Order(string id) => Orders.FirstOrDefault(o => o.Id == id);

    public IEnumerable<InventoryLevelEntity> LevelsOf(VariantEntity variant) =>
        Locations.Select(l => Levels[(variant.InventoryItemId, l.Id)]);

    public void Stock(VariantEntity variant, LocationEntity location) =>
        Levels.TryAdd((variant.InventoryItemId, location.Id), new InventoryLevelEntity(variant, location));

    /// <summary>Marks the order changed now and announces it under each topic (orders/updated last, as Shopify does).</summary>
    public void Changed(OrderEntity order, params string[] topics)
    {
        order.UpdatedAt = Now();
        foreach (var topic in topics) OrderEvent?.Invoke(topic, order);
    }

    /// <summary>Completes cancellations accepted earlier (orderCancel is an asynchronous job).</summary>
    public void CompletePendingCancels()
    {
        foreach (var order in Orders.Where(o => o.CancelPending).ToList())
        {
            order.CancelPending = false;
            OrderCancellation.Complete(this, order, order.PendingReason);
        }
    }
}
