namespace CartonaActors.Domain.Products;

/// <summary>
/// The products of one id range that no entity of their own has needed yet: a catalog load or an ERP poll writes
/// one event per batch for all of them, instead of starting an entity (a recovery) and writing an event per
/// product. A product is adopted by its own entity the first time something needs it alone (a listing from the
/// ingress, an order hold, a look-up); from then on the range forwards its ERP reads to that entity and never
/// changes its state again, so exactly one of them owns each product's values and version at any time.
/// The rules are the product entity's (<see cref="ProductRules"/>), applied per product.
/// </summary>
public sealed class ProductRange(string rangeId)
{
    private readonly Dictionary<string, ProductState> _products = new(StringComparer.Ordinal);
    private readonly HashSet<string> _adopted = new(StringComparer.Ordinal);

    public string RangeId { get; } = rangeId;
    public int Count => _products.Count;
    public int AdoptedCount => _adopted.Count;

    /// <summary>The products this range still owns.</summary>
    public IEnumerable<ProductState> Owned => _products.Values.Where(p => !_adopted.Contains(p.ProductId));

    public bool IsAdopted(string productId) => _adopted.Contains(productId);

    public ProductState? Find(string productId) => _products.GetValueOrDefault(productId);

    /// <summary>Decides a batch of ERP reads. Reads for adopted products are left to their entities
    /// (<see cref="RangeDecision.Forward"/>); the others are decided in order, a product's later read against its
    /// earlier one. <see cref="RangeDecision.Results"/> has an entry per read, null where forwarded.</summary>
    public RangeDecision Decide(IReadOnlyList<UpdateProduct> updates, Func<string, bool> isKnownConnection)
    {
        var working = new Dictionary<string, ProductState>(StringComparer.Ordinal);
        var events = new List<ProductUpdated>();
        var results = new ProductUpdateResult?[updates.Count];
        var forward = new List<(int, UpdateProduct)>();
        for (var i = 0; i < updates.Count; i++)
        {
            var cmd = updates[i];
            if (IsAdopted(cmd.ProductId))
            {
                forward.Add((i, cmd));
                continue;
            }
            var state = working.GetValueOrDefault(cmd.ProductId) ?? Find(cmd.ProductId) ?? ProductState.Empty(cmd.ProductId);
            var (decided, error) = ProductRules.Decide(state, cmd, isKnownConnection);
            if (error is not null)
            {
                results[i] = new ProductUpdateResult(cmd.ProductId, false, state.Version, 0, error);
                continue;
            }
            var outdated = decided.Count == 0 && ProductRules.IsOutdated(state, cmd);
            var readAgain = outdated && ProductRules.NeedsReadAgain(state, cmd, isKnownConnection);
            state = decided.Count == 0 ? ProductRules.Observed(state, cmd) : decided.Aggregate(state, ProductRules.Apply);
            working[cmd.ProductId] = state;
            events.AddRange(decided.Cast<ProductUpdated>());
            results[i] = new ProductUpdateResult(cmd.ProductId, true, state.Version, decided.Count, null, outdated, readAgain);
        }
        var changed = events.Select(e => e.ProductId).ToHashSet(StringComparer.Ordinal);
        // Reads that changed nothing only move the newest read seen, which lives in memory (as in a product entity).
        foreach (var (id, state) in working)
            if (!changed.Contains(id) && _products.ContainsKey(id)) _products[id] = state;
        return new RangeDecision(
            events.Count > 0 ? new ProductRangeUpdated(RangeId, events) : null,
            working.Where(kv => changed.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            results, forward);
    }

    /// <summary>After the decision's event is durable: its products take the state decided for them.</summary>
    public void Accept(RangeDecision decision)
    {
        foreach (var (id, state) in decision.States) _products[id] = state;
    }

    public void Apply(IProductRangeEvent e)
    {
        switch (e)
        {
            case ProductRangeUpdated u:
                foreach (var update in u.Updates)
                    _products[update.ProductId] = ProductRules.Apply(Find(update.ProductId) ?? ProductState.Empty(update.ProductId), update);
                break;
            case ProductsAdopted a:
                _adopted.UnionWith(a.ProductIds);
                break;
        }
    }

    /// <summary>Marks the product adopted now (before the event is durable: from here on the range forwards its
    /// reads) and says what to hand over.</summary>
    public ProductState? BeginAdoption(string productId)
    {
        _adopted.Add(productId);
        return Find(productId);
    }

    public ProductRangeSnapshot Snapshot() => new(RangeId, _products.Values.ToList(), _adopted.ToList());

    public void Restore(ProductRangeSnapshot snapshot)
    {
        _products.Clear();
        foreach (var p in snapshot.Products) _products[p.ProductId] = p.WithOrdinalKeys();
        _adopted.Clear();
        _adopted.UnionWith(snapshot.Adopted);
    }
}

/// <param name="Event">What to write, or null when nothing the range owns changed.</param>
/// <param name="States">The new state of every product the event changes.</param>
/// <param name="Results">One per read, in order; null where the read is forwarded.</param>
/// <param name="Forward">Reads for adopted products, with their position in the batch.</param>
public sealed record RangeDecision(
    ProductRangeUpdated? Event,
    IReadOnlyDictionary<string, ProductState> States,
    ProductUpdateResult?[] Results,
    IReadOnlyList<(int Index, UpdateProduct Update)> Forward);
