namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// The emulated supplier's products on Cartona, in memory. Thread-safe: one lock guards everything, so a bulk
/// update is applied atomically with respect to readers.
/// </summary>
public sealed class CartonaCatalog
{
    private readonly object _gate = new();
    private readonly SortedDictionary<long, CartonaProduct> _byId = new();
    private readonly Dictionary<string, long> _idByInternal = new(StringComparer.Ordinal);

    /// <summary>Adds products with empty values (no price, quantity 0); existing ids are left as they are.</summary>
    public void Seed(IEnumerable<(long SupplierProductId, string InternalProductId)> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        lock (_gate)
        {
            foreach (var (id, internalId) in products) AddLocked(id, internalId);
        }
    }

    /// <summary>Adds one product with empty values and returns it.</summary>
    public CartonaProduct Add(long supplierProductId, string? internalProductId)
    {
        lock (_gate) return AddLocked(supplierProductId, internalProductId);
    }

    /// <summary>The product carrying this internal_product_id, if any.</summary>
    public CartonaProduct? TryGet(string internalProductId)
    {
        lock (_gate)
            return _idByInternal.TryGetValue(internalProductId, out var id) ? _byId[id] : null;
    }

    /// <summary>The product with this supplier_product_id, if any.</summary>
    public CartonaProduct? TryGetById(long supplierProductId)
    {
        lock (_gate) return _byId.GetValueOrDefault(supplierProductId);
    }

    /// <summary>Every product, ordered by supplier_product_id.</summary>
    public IReadOnlyList<CartonaProduct> All()
    {
        lock (_gate) return _byId.Values.ToList();
    }

    /// <summary>Changes one product as a person in Cartona's portal would (no API call, nothing recorded).</summary>
    public CartonaProduct Edit(string internalProductId, Func<CartonaProduct, CartonaProduct> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (!_idByInternal.TryGetValue(internalProductId, out var id))
                throw new KeyNotFoundException($"no supplier product with internal_product_id '{internalProductId}'");
            var after = change(_byId[id]) with { SupplierProductId = id, InternalProductId = internalProductId };
            _byId[id] = after;
            return after;
        }
    }

    /// <summary>Runs <paramref name="action"/> under the catalog lock so a whole batch is seen at once.</summary>
    internal T Mutate<T>(Func<Mutation, T> action)
    {
        lock (_gate) return action(new Mutation(this));
    }

    private CartonaProduct AddLocked(long id, string? internalId)
    {
        if (_byId.TryGetValue(id, out var existing)) return existing;
        if (internalId is not null && _idByInternal.ContainsKey(internalId))
            throw new InvalidOperationException($"internal_product_id '{internalId}' is already used by another product.");
        var product = new CartonaProduct(id, internalId, SellingPrice: null, AvailableStockQuantity: 0, IsUnlimitedStock: false);
        _byId[id] = product;
        if (internalId is not null) _idByInternal[internalId] = id;
        return product;
    }

    /// <summary>Access to the catalog while its lock is held; only valid inside <see cref="Mutate{T}"/>.</summary>
    internal readonly struct Mutation(CartonaCatalog catalog)
    {
        public CartonaProduct? ById(long id) => catalog._byId.GetValueOrDefault(id);

        public CartonaProduct? ByInternalId(string internalId) =>
            catalog._idByInternal.TryGetValue(internalId, out var id) ? catalog._byId[id] : null;

        public CartonaProduct Create(string internalId)
        {
            var nextId = catalog._byId.Count == 0 ? 1 : catalog._byId.Keys.Max() + 1;
            return catalog.AddLocked(nextId, internalId);
        }

        public void Replace(CartonaProduct before, CartonaProduct after)
        {
            if (before.InternalProductId is not null && before.InternalProductId != after.InternalProductId)
                catalog._idByInternal.Remove(before.InternalProductId);
            if (after.InternalProductId is not null) catalog._idByInternal[after.InternalProductId] = after.SupplierProductId;
            catalog._byId[after.SupplierProductId] = after;
        }
    }
}
