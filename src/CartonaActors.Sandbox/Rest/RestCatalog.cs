namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// The seller's products as the emulated marketplace holds them, in memory, keyed by external_id. Prices keep
/// one version per product and stock one per (product, location), so a stale write can be told from a new one.
/// Thread-safe: one lock guards everything, so a batch is applied atomically with respect to readers.
/// </summary>
public sealed class RestCatalog
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, Product> _products = new(StringComparer.Ordinal);

    /// <summary>Adds products with no price and no stock; ids already present are left as they are.</summary>
    public void Seed(IEnumerable<string> externalIds)
    {
        ArgumentNullException.ThrowIfNull(externalIds);
        var ids = externalIds.ToList();
        if (ids.Any(string.IsNullOrEmpty)) throw new ArgumentException("External ids must not be null or empty.", nameof(externalIds));
        lock (_gate)
        {
            foreach (var id in ids) _products.TryAdd(id, new Product(id));
        }
    }

    /// <summary>The product with this external_id, or null.</summary>
    public RestProduct? Get(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        lock (_gate) return _products.TryGetValue(externalId, out var product) ? product.Snapshot() : null;
    }

    /// <summary>Every product, ordered by external_id (ordinal).</summary>
    public IReadOnlyList<RestProduct> All
    {
        get { lock (_gate) return _products.Values.Select(p => p.Snapshot()).ToList(); }
    }

    /// <summary>Products held.</summary>
    public int Count
    {
        get { lock (_gate) return _products.Count; }
    }

    /// <summary>Runs <paramref name="action"/> under the catalog lock so a whole batch is applied at once.</summary>
    internal void Mutate(Action<Mutation> action)
    {
        lock (_gate) action(new Mutation(this));
    }

    /// <summary>Access to the catalog while its lock is held; only valid inside <see cref="Mutate"/>.</summary>
    internal readonly struct Mutation(RestCatalog catalog)
    {
        public Product? Find(string externalId) => catalog._products.GetValueOrDefault(externalId);

        public Product Create(string externalId)
        {
            var product = new Product(externalId);
            catalog._products.Add(externalId, product);
            return product;
        }
    }

    /// <summary>The mutable product behind the snapshots; only touched under the catalog lock.</summary>
    internal sealed class Product(string externalId)
    {
        private RestStockLevel? _defaultStock;
        private readonly SortedDictionary<string, RestStockLevel> _stock = new(StringComparer.Ordinal);
        private decimal? _price;
        private string? _currency;
        private long _priceVersion;

        public string ExternalId { get; } = externalId;

        /// <summary>Applies the level unless a higher version is held; false = stale, ignored.</summary>
        public bool ApplyStock(string? locationId, int available, long version)
        {
            var current = locationId is null ? _defaultStock : _stock.GetValueOrDefault(locationId);
            if (current is not null && version < current.Version) return false;
            var level = new RestStockLevel(locationId, available, version);
            if (locationId is null) _defaultStock = level;
            else _stock[locationId] = level;
            return true;
        }

        /// <summary>Applies the price unless a higher version is held; false = stale, ignored. A missing
        /// currency keeps the one held.</summary>
        public bool ApplyPrice(decimal price, string? currency, long version)
        {
            if (version < _priceVersion) return false;
            _price = price;
            _currency = currency ?? _currency;
            _priceVersion = version;
            return true;
        }

        public RestProduct Snapshot()
        {
            var stock = new List<RestStockLevel>(_stock.Count + 1);
            if (_defaultStock is not null) stock.Add(_defaultStock);
            stock.AddRange(_stock.Values);
            return new RestProduct(ExternalId, _price, _currency, _priceVersion, stock);
        }
    }
}
