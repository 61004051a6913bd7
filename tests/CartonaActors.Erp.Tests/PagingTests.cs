using CartonaActors.Erp;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests;

public sealed class PagingTests
{
    [Fact]
    public async Task Keyset_paging_by_id_returns_each_of_10000_variants_once_in_order_archived_included()
    {
        await using var scope = await OdooScope.StartAsync();
        var seed = scope.Emulator.SeedCatalog(10_000);
        await scope.Emulator.SetActiveAsync("product.product", seed.VariantIds[4321], false, WebhookMode.Lost);
        scope.Emulator.ClearCalls();

        var seen = new List<long>();
        var afterId = 0L;
        while (true)
        {
            var page = await scope.Catalog.ReadVariantsAfterAsync(afterId, 700, default);
            if (page.Count == 0) break;
            seen.AddRange(page.Select(v => v.Id));
            afterId = page[^1].Id;
        }

        Assert.Equal(seed.VariantIds, seen);
        Assert.Equal(10_000, await scope.Catalog.CountVariantsAsync(default));
        Assert.Equal(16, scope.CallsTo("product.product", "search_read")); // 14 full pages, 1 partial, 1 empty
    }

    [Fact]
    public async Task Id_bounded_searches_answer_exactly_as_a_whole_table_scan_does()
    {
        // The emulator walks its primary key for "id > n" pages and "id in [...]" reads; the same domain behind an
        // explicit "&" takes the full scan. Both must agree on archived records, later inserts and other leaves.
        await using var scope = await OdooScope.StartAsync();
        var seed = scope.Emulator.SeedCatalog(3_000);
        foreach (var archived in seed.VariantIds.Where((_, i) => i % 7 == 0))
            await scope.Emulator.SetActiveAsync("product.product", archived, false, WebhookMode.Lost);
        var inList = seed.VariantIds.Where((_, i) => i % 3 == 0).Append(999_999).ToArray();
        var bound = seed.VariantIds[1_000];

        foreach (var (leaf, order, limit, context) in new (object?[], string?, int?, object?)[]
                 {
                     (OdooDomain.Leaf("id", ">", bound), "id asc", 250, null),
                     (OdooDomain.Leaf("id", ">=", bound), null, 250, null),
                     (OdooDomain.Leaf("id", ">", bound), "id asc", 250, new Dictionary<string, object?> { ["active_test"] = false }),
                     (OdooDomain.Leaf("id", ">", bound), "id desc", 250, null),
                     (OdooDomain.Leaf("id", "in", inList), "id asc", null, null),
                     (OdooDomain.Leaf("id", "in", inList), "id asc", null, new Dictionary<string, object?> { ["active_test"] = false }),
                 })
        {
            var narrowed = await IdsAsync(scope, [leaf, OdooDomain.Leaf("product_tmpl_id", "!=", false)], order, limit, context);
            var scanned = await IdsAsync(scope, ["&", leaf, OdooDomain.Leaf("product_tmpl_id", "!=", false)], order, limit, context);
            Assert.NotEmpty(narrowed);
            Assert.Equal(scanned, narrowed);
        }
    }

    private static async Task<List<long>> IdsAsync(OdooScope scope, IReadOnlyList<object?> domain, string? order, int? limit, object? context)
    {
        var rows = await scope.Client.SearchReadAsync("product.product", domain, ["id"], limit: limit, order: order,
            context: context as IReadOnlyDictionary<string, object?>, ct: default);
        return rows.Select(r => r.GetProperty("id").GetInt64()).ToList();
    }

    [Fact]
    public async Task Change_paging_over_10000_equal_write_dates_returns_every_record_once()
    {
        await using var scope = await OdooScope.StartAsync();
        var seed = scope.Emulator.SeedCatalog(10_000);
        var since = DateTime.UtcNow.AddMinutes(-5);
        scope.Emulator.ClearCalls();

        var changes = await ReadAllChangesAsync(scope.Catalog, "product.product", since, 333);

        Assert.Equal(seed.VariantIds, changes.Select(c => c.RecordId));
        Assert.All(changes, c => Assert.Equal([c.RecordId], c.VariantIds));
        Assert.Single(changes.Select(c => c.WriteDate).Distinct());
        // At most three calls per page (rest of a second, whole seconds, the cut second again).
        Assert.InRange(scope.CallsTo("product.product", "search_read"), 31, 3 * 32);
    }

    [Fact]
    public async Task Change_paging_is_exact_when_microseconds_order_records_against_their_ids_within_a_second()
    {
        // JSON-RPC reports whole seconds while the server orders by microseconds: a naive keyset on the reported
        // (write_date, id) skips or repeats records here. Within each second, later writes hit lower ids.
        var start = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        await using var scope = await OdooScope.StartAsync(o => o.Clock = clock);
        var seed = scope.Emulator.SeedCatalog(40);
        var written = new List<long>();
        for (var k = 0; k < 30; k++)
        {
            var variant = seed.VariantIds[39 - k];
            clock.Set(start.AddSeconds(10 + k / 10).AddTicks(1 + k * 10 * 1000)); // k ms (+0.1 µs, dropped) into its second
            await TouchAsync(scope, variant, $"CODE-{k}");
            written.Add(variant);
        }

        var changes = await ReadAllChangesAsync(scope.Catalog, "product.product", start.AddSeconds(5).UtcDateTime, 4);

        Assert.Equal(written.Order(), changes.Select(c => c.RecordId).Order());
        Assert.Equal(30, changes.Select(c => c.RecordId).Distinct().Count());
        Assert.All(changes, c => Assert.Equal(0, c.WriteDate.Ticks % TimeSpan.TicksPerSecond));
        Assert.Equal(changes.OrderBy(c => c.WriteDate).ThenBy(c => c.RecordId), changes);
    }

    [Fact]
    public async Task Change_paging_resumes_strictly_after_the_keyset_and_respects_since()
    {
        var start = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        await using var scope = await OdooScope.StartAsync(o => o.Clock = clock);
        var seed = scope.Emulator.SeedCatalog(3);
        clock.Set(start.AddMinutes(1));
        await TouchAsync(scope, seed.VariantIds[2], "CODE-2");
        clock.Set(start.AddMinutes(2));
        await TouchAsync(scope, seed.VariantIds[0], "CODE-0");

        var all = await scope.Catalog.ReadChangedAsync("product.product", start.UtcDateTime, null, 0, 10, default);
        var recent = await scope.Catalog.ReadChangedAsync("product.product", start.AddSeconds(30).UtcDateTime, null, 0, 10, default);
        var resumed = await scope.Catalog.ReadChangedAsync("product.product", start.UtcDateTime, all[0].WriteDate, all[0].RecordId, 10, default);

        Assert.Equal([seed.VariantIds[1], seed.VariantIds[2], seed.VariantIds[0]], all.Select(c => c.RecordId));
        Assert.Equal([seed.VariantIds[2], seed.VariantIds[0]], recent.Select(c => c.RecordId));
        Assert.Equal([seed.VariantIds[2], seed.VariantIds[0]], resumed.Select(c => c.RecordId));
        Assert.Equal(start.AddMinutes(2).UtcDateTime, all[2].WriteDate);
    }

    [Fact]
    public async Task Seeding_100000_variants_is_fast_and_they_are_all_countable()
    {
        await using var scope = await OdooScope.StartAsync();
        scope.Emulator.AddWarehouse("WH", "Main");
        var started = System.Diagnostics.Stopwatch.StartNew();

        var seed = scope.Emulator.SeedCatalog(100_000, stockPerWarehouse: 5m);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"seeding took {started.Elapsed}");
        Assert.Equal(100_000, seed.VariantIds.Count);
        Assert.Equal(100_000, await scope.Catalog.CountVariantsAsync(default));
        var quantities = await scope.Catalog.ReadFreeQuantitiesAsync(seed.VariantIds.Take(1000).ToArray(), 1, default);
        Assert.All(quantities.Values, q => Assert.Equal(5m, q));
    }

    // A write on the variant itself (a price extra no longer moves it: it lives on the attribute value).
    private static Task TouchAsync(OdooScope scope, long variant, string code) =>
        scope.Emulator.WriteAsync("product.product", [variant], new Dictionary<string, object?> { ["default_code"] = code }, WebhookMode.Lost);

    [Fact]
    public async Task Change_paging_over_attribute_values_returns_each_once_with_its_variants_in_one_lookup_per_page()
    {
        var start = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        await using var scope = await OdooScope.StartAsync(o => o.Clock = clock);
        var seed = scope.Emulator.SeedCatalog(25);
        var written = new List<(long Value, long Variant)>();
        for (var k = 0; k < 20; k++)
        {
            var variant = seed.VariantIds[24 - k];
            clock.Set(start.AddSeconds(10 + k / 5).AddTicks(1 + (20 - k) * 10 * 1000)); // later writes, lower microseconds
            await scope.Emulator.SetPriceExtraAsync(variant, k, WebhookMode.Lost);
            written.Add((Assert.Single(scope.Emulator.AttributeValueIdsOf(variant)), variant));
        }
        scope.Emulator.ClearCalls();

        var changes = await ReadAllChangesAsync(scope.Catalog, "product.template.attribute.value", start.AddSeconds(5).UtcDateTime, 3);

        Assert.Equal(written.Select(w => w.Value).Order(), changes.Select(c => c.RecordId).Order());
        Assert.Equal(20, changes.Select(c => c.RecordId).Distinct().Count());
        Assert.All(changes, c => Assert.Equal([written.Single(w => w.Value == c.RecordId).Variant], c.VariantIds));
        Assert.Equal(changes.OrderBy(c => c.WriteDate).ThenBy(c => c.RecordId), changes);
        Assert.Equal(7, scope.CallsTo("product.product", "search_read")); // one variant lookup per non-empty page
        Assert.Empty(await scope.Catalog.ReadChangedAsync("product.product", start.AddSeconds(5).UtcDateTime, null, 0, 10, default));
    }

    internal static async Task<List<OdooChange>> ReadAllChangesAsync(IOdooCatalog catalog, string model, DateTime since, int limit)
    {
        var changes = new List<OdooChange>();
        DateTime? afterWriteDate = null;
        var afterId = 0L;
        while (true)
        {
            var page = await catalog.ReadChangedAsync(model, since, afterWriteDate, afterId, limit, default);
            Assert.InRange(page.Count, 0, limit);
            if (page.Count == 0) return changes;
            changes.AddRange(page);
            (afterWriteDate, afterId) = (page[^1].WriteDate, page[^1].RecordId);
        }
    }
}
