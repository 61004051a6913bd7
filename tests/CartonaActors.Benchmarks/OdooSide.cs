using System.Globalization;
using System.Security.Cryptography;
using CartonaActors.Sandbox.Cartona;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Benchmarks;

/// <summary>
/// The emulated Odoo 18 database of the odoo scenario: warehouses WH1 and WH2, <c>N</c> one-variant templates
/// (variant ids 1..N, list price 1.00 = <see cref="PriceCode"/> sequence 0) and a quant of each variant in each
/// warehouse with varied quantities and reservations. The seed is dated a day back, as a catalog that existed long
/// before the service was connected. Also the truth the marketplace must end up showing.
/// </summary>
public sealed class OdooSide : IAsyncDisposable
{
    public const string Database = "erp";
    public const string Login = "bench-sync@example.com";
    private const string Quant = "stock.quant";

    private OdooSide(OdooEmulator emulator, string apiKey, long wh1, long wh2, OdooSeed seed, TimeSpan seedTime)
    {
        Emulator = emulator;
        ApiKey = apiKey;
        Warehouses = [wh1, wh2];
        Seed = seed;
        SeedTime = seedTime;
    }

    public OdooEmulator Emulator { get; }
    public string ApiKey { get; }

    /// <summary>Odoo ids of WH1 and WH2.</summary>
    public long[] Warehouses { get; }

    public OdooSeed Seed { get; }
    public int Variants => Seed.VariantIds.Count;
    public TimeSpan SeedTime { get; }

    /// <summary>Initial on-hand quantity and reservation of variant <paramref name="id"/> in warehouse 0 (WH1) or 1 (WH2).</summary>
    public static (int Quantity, int Reserved) InitialStock(int id, int warehouse) =>
        warehouse == 0 ? (5 + id * 7 % 40, id % 3) : (1 + id * 13 % 25, 0);

    public static async Task<OdooSide> StartAsync(int variants)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
        var clock = new ShiftedClock { Offset = TimeSpan.FromDays(-1) };
        var emulator = await OdooEmulator.StartAsync(new OdooEmulatorOptions
        {
            Database = Database,
            Users = { new OdooUser(2, Login, apiKey) },
            Clock = clock,
        });
        try
        {
            var wh1 = emulator.AddWarehouse("WH1", "Main");
            var wh2 = emulator.AddWarehouse("WH2", "Second");
            var seed = emulator.SeedCatalog(variants, listPrice: PriceCode.Encode(0));
            for (var i = 0; i < variants; i++)
                if (seed.VariantIds[i] != i + 1)
                    throw new InvalidOperationException($"the emulator gave variant {i + 1} the id {seed.VariantIds[i]}; the benchmark needs ids 1..N");
            long[] warehouses = [wh1, wh2];
            emulator.Seed(Quant, seed.VariantIds.SelectMany(v => Enumerable.Range(0, 2).Select(w =>
            {
                var (quantity, reserved) = InitialStock((int)v, w);
                return (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
                {
                    ["product_id"] = v, ["warehouse_id"] = warehouses[w], ["quantity"] = (decimal)quantity, ["reserved_quantity"] = (decimal)reserved,
                };
            })).ToArray());
            clock.Offset = TimeSpan.Zero;
            return new OdooSide(emulator, apiKey, wh1, wh2, seed, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>The service settings (environment variable names) that connect it to this database (connection 0
    /// sells from WH1 and WH2).</summary>
    public Dictionary<string, string> ServiceSettings(string webhookSecret) => new()
    {
        ["CartonaActors__Odoo__Url"] = Emulator.BaseUrl,
        ["CartonaActors__Odoo__Database"] = Database,
        ["CartonaActors__Odoo__Login"] = Login,
        ["CartonaActors__Odoo__ApiKey"] = ApiKey,
        ["CartonaActors__ErpSync__WebhookSecret"] = webhookSecret,
        ["CartonaActors__Connections__0__Warehouses__0"] = "WH1",
        ["CartonaActors__Connections__0__Warehouses__1"] = "WH2",
    };

    /// <summary>Automation rules "On save → Send Webhook Notification" on templates and quants.</summary>
    public void RegisterWebhooks(string url)
    {
        Emulator.WebhookTargets["product.template"] = new OdooWebhookTarget(url);
        Emulator.WebhookTargets[Quant] = new OdooWebhookTarget(url);
    }

    /// <summary>What Cartona must show for each variant (index = variant id): lst_price and the free quantity of
    /// WH1 + WH2, truncated and clamped at zero — read from the emulator's committed records in one snapshot.</summary>
    public ExpectedItem[] ReadTruth() => Emulator.Store.Read(s =>
    {
        var truth = new ExpectedItem[Variants + 1];
        for (var id = 1; id <= Variants; id++)
        {
            var variant = s.Find("product.product", id) ?? throw new InvalidOperationException($"variant {id} vanished");
            var template = s.Find("product.template", (long)variant["product_tmpl_id"]!)!;
            // Extra prices live on the variant's product.template.attribute.value records, as in Odoo 18.
            var extras = variant["product_template_attribute_value_ids"] is IEnumerable<long> ptavs
                ? ptavs.Sum(p => (decimal?)s.Find("product.template.attribute.value", p)?["price_extra"] ?? 0m)
                : 0m;
            var price = ((decimal?)template["list_price"] ?? 0m) + extras;
            var free = 0m;
            foreach (var quant in s.Referencing(Quant, "product_id", id))
                if (quant["warehouse_id"] is long w && (w == Warehouses[0] || w == Warehouses[1]))
                    free += ((decimal?)quant["quantity"] ?? 0m) - ((decimal?)quant["reserved_quantity"] ?? 0m);
            var whole = decimal.Truncate(free);
            truth[id] = new ExpectedItem(price, whole <= 0 ? 0 : (int)whole);
        }
        return truth;
    });

    /// <summary>Variants whose price or stock on Cartona differ from <paramref name="truth"/>; up to
    /// <paramref name="examples"/> described.</summary>
    public int Mismatches(CartonaCatalog cartona, ExpectedItem[] truth, List<string>? examples = null, int maxExamples = 5)
    {
        var count = 0;
        for (var id = 1; id < truth.Length; id++)
        {
            var shown = cartona.TryGet(id.ToString(CultureInfo.InvariantCulture));
            var expected = truth[id];
            string? problem = null;
            if (shown is null) problem = "missing on Cartona";
            else if (!decimal.TryParse(shown.SellingPrice, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) || price != expected.Price)
                problem = $"price {shown.SellingPrice ?? "(none)"}, Odoo {expected.Price.ToString(CultureInfo.InvariantCulture)}";
            else if (shown.AvailableStockQuantity != expected.Stock)
                problem = $"stock {shown.AvailableStockQuantity}, Odoo free qty WH1+WH2 {expected.Stock}";
            if (problem is null) continue;
            count++;
            if (examples is not null && examples.Count < maxExamples) examples.Add($"variant {id}: {problem}");
        }
        return count;
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();

    /// <summary>The system clock, shifted (used to date the seed in the past).</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}

public readonly record struct ExpectedItem(decimal Price, int Stock);
