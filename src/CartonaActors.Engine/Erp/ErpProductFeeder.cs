using Akka.Actor;
using CartonaActors.Domain.Erp;
using CartonaActors.Domain.Listings;
using CartonaActors.Domain.Products;
using CartonaActors.Erp;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Erp;

/// <summary>What one feed did. <see cref="Outdated"/>: reads a product ignored because it had applied a later one;
/// <see cref="Skipped"/>: a poller's re-reads of what it had fed already (see <see cref="PolledValues"/>);
/// <see cref="ReadAgain"/>: variants read once more because a product could not tell two reads' order.</summary>
public sealed record FeedResult(int Variants, int Changed, int Refused, int Outdated = 0, int Skipped = 0, int ReadAgain = 0)
{
    public static readonly FeedResult None = new(0, 0, 0);

    public FeedResult Plus(FeedResult other) =>
        new(Variants + other.Variants, Changed + other.Changed, Refused + other.Refused, Outdated + other.Outdated, Skipped + other.Skipped,
            ReadAgain + other.ReadAgain);
}

/// <summary>A poll page's variants with the write_date of the newest change record concerning each, and the
/// poller's memory of what it fed.</summary>
public sealed record PolledPage(PolledValues Memory, IReadOnlyDictionary<long, DateTime> ChangeWriteDates)
{
    public bool AlreadyFed(long variantId, UpdateProduct update) =>
        ChangeWriteDates.TryGetValue(variantId, out var writeDate) && Memory.AlreadyFed(update, writeDate);

    public void Remember(long variantId, UpdateProduct update)
    {
        if (ChangeWriteDates.TryGetValue(variantId, out var writeDate)) Memory.Remember(update, writeDate);
    }
}

/// <summary>
/// Reads variants and their per-warehouse free quantity from Odoo in batches and hands each product entity its
/// update, with a bounded number in flight so a catalog-wide burst cannot overflow the journal queue. Variants
/// with a product range go to it in groups (see <see cref="ProductRange"/>): it applies what it still owns in one
/// write and forwards the rest to their product entities.
/// Shared by webhooks, the poller and the catalog load: one way to turn Odoo data into product updates.
/// Every update carries the time its read started, and each product keeps only the newest read: reads through
/// different paths and nodes finish in any order. Nothing is skipped here as "unchanged since last fed": what
/// one node fed last says nothing about what another fed since, and the product writes nothing for unchanged
/// values anyway. Only a poller skips, and only its own re-reads of exactly what it fed (<see cref="PolledValues"/>).
/// </summary>
public sealed class ErpProductFeeder(IOdooCatalog odoo, IActorRef products, IActorRef ranges, IReadOnlyList<PlatformConnection> connections,
    int pageSize, int concurrency)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(60);
    /// <summary>Products per range message, to keep it well inside the remote frame (RemoteFrameSpecs).</summary>
    public const int MaxPerRangeMessage = 200;
    private readonly IReadOnlyList<(string, ListingRule)> _connections =
        connections.Where(c => c.Settings.ListErpVariants).Select(c => (c.Name, c.Listings)).ToList();
    private IReadOnlyList<OdooWarehouse>? _warehouses;

    public async Task<FeedResult> FeedIdsAsync(IReadOnlyCollection<long> variantIds, CancellationToken ct, PolledPage? polled = null)
    {
        var total = FeedResult.None;
        foreach (var chunk in variantIds.Distinct().Chunk(pageSize))
        {
            var readStarted = DateTimeOffset.UtcNow;
            var variants = await odoo.ReadVariantsAsync(chunk, ct);
            total = total.Plus(await FeedVariantsAsync(variants, readStarted, ct, polled));
        }
        return total;
    }

    /// <summary>Rounds of reading again what products could not order (each starts after the reads it settles;
    /// past the last round the poller's next pass reads them).</summary>
    private const int ReadAgainRounds = 3;

    /// <param name="readStarted">When the read of <paramref name="variants"/> started: the quantities are read
    /// after it, so everything fed shows Odoo as it was at that time or later.</param>
    public async Task<FeedResult> FeedVariantsAsync(IReadOnlyList<OdooVariant> variants, DateTimeOffset readStarted, CancellationToken ct,
        PolledPage? polled = null, int round = 0)
    {
        var readAgain = new List<long>();
        if (variants.Count == 0) return FeedResult.None;
        var ids = variants.Select(v => v.Id).ToList();
        var stock = new Dictionary<long, Dictionary<string, decimal>>();
        foreach (var warehouse in await WarehousesInScopeAsync(ct))
            foreach (var (variantId, qty) in await odoo.ReadFreeQuantitiesAsync(ids, warehouse.Id, ct))
            {
                if (!stock.TryGetValue(variantId, out var byCode)) stock[variantId] = byCode = new Dictionary<string, decimal>(StringComparer.Ordinal);
                byCode[warehouse.Code] = qty;
            }
        var readEnded = DateTimeOffset.UtcNow;

        // The feed's span (see SyncTracing.InErpFeedAsync), so each product's or range's accept joins its trace.
        var traceParent = SyncTracing.CurrentTraceParent();
        var updates = new List<(long VariantId, UpdateProduct Update)>(variants.Count);
        var skipped = 0;
        foreach (var v in variants)
        {
            var update = OdooProductMapping.ToUpdate(v, stock.GetValueOrDefault(v.Id) ?? new Dictionary<string, decimal>(), _connections)
                with { ObservedAt = readStarted, ObservedUntil = readEnded, TraceParent = traceParent };
            if (polled?.AlreadyFed(v.Id, update) == true) skipped++;
            else updates.Add((v.Id, update));
        }

        // Variants of one id range are one message and (for the products the range still owns) one journal write.
        var groups = updates
            .GroupBy(u => ProductRangeIds.Of(u.Update.ProductId))
            .SelectMany(g => g.Key is null ? g.Select(u => (Range: (string?)null, Items: new[] { u })) : g.Chunk(MaxPerRangeMessage).Select(c => (Range: (string?)g.Key, Items: c)))
            .ToList();
        var changed = 0;
        var refused = 0;
        var outdated = 0;
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (group, _) =>
        {
            IReadOnlyList<ProductUpdateResult> results = group.Range is { } range
                ? (await ranges.Ask<RangeProductsUpdated>(new UpdateRangeProducts(range, group.Items.Select(i => i.Update).ToList()), AskTimeout, ct)).Results
                : [await products.Ask<ProductUpdateResult>(group.Items[0].Update, AskTimeout, ct)];
            for (var i = 0; i < results.Count; i++)
            {
                var result = results[i];
                if (!result.Accepted)
                {
                    Interlocked.Increment(ref refused);
                    continue;
                }
                if (result.Outdated) Interlocked.Increment(ref outdated);
                if (result.ReadAgain)
                {
                    lock (readAgain) readAgain.Add(group.Items[i].VariantId);
                    continue; // not remembered as fed: what it fed is in doubt
                }
                polled?.Remember(group.Items[i].VariantId, group.Items[i].Update);
                if (result.EventsWritten > 0) Interlocked.Increment(ref changed);
            }
        });
        var fed = new FeedResult(variants.Count, changed, refused, outdated, skipped);
        return readAgain.Count > 0 && round < ReadAgainRounds ? fed.Plus(await ReadAgainAsync(readAgain, ct, round + 1)) : fed;
    }

    private async Task<FeedResult> ReadAgainAsync(IReadOnlyCollection<long> variantIds, CancellationToken ct, int round)
    {
        var readStarted = DateTimeOffset.UtcNow;
        var variants = await odoo.ReadVariantsAsync(variantIds.ToList(), ct);
        return (await FeedVariantsAsync(variants, readStarted, ct, null, round)).Plus(new FeedResult(0, 0, 0, ReadAgain: variantIds.Count));
    }

    /// <summary>The warehouses any connection sells from (a connection with none sells from all).</summary>
    private async Task<IReadOnlyList<OdooWarehouse>> WarehousesInScopeAsync(CancellationToken ct)
    {
        _warehouses ??= await odoo.ReadWarehousesAsync(ct);
        var scoped = connections.Where(c => c.Settings.ListErpVariants).ToList();
        if (scoped.Count == 0 || scoped.Any(c => c.Scope.Warehouses.Count == 0)) return _warehouses;
        var codes = scoped.SelectMany(c => c.Scope.Warehouses).ToHashSet(StringComparer.Ordinal);
        return _warehouses.Where(w => codes.Contains(w.Code)).ToList();
    }
}
