using System.Diagnostics;
using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>The old module's full push (onboarding, "sync all"): one queue job and one call per product, all due at
/// once, cut off after --baseline-seconds; its items/s is what the engine's is compared with.</summary>
public static class ItemsBaseline
{
    public static Task<BaselineResult> RunAsync(BenchWorld world, BenchOptions options, int[] products)
    {
        var tracker = new LatencyTracker(products.Length == 0 ? 1 : products.Max(), 0);
        world.OnApplied = (item, now) =>
        {
            if (int.TryParse(item.InternalProductId, NumberStyles.None, CultureInfo.InvariantCulture, out var product))
                tracker.Applied(product, PriceCode.Decode(item.SellingPrice), now);
        };
        var start = Stopwatch.GetTimestamp();
        var cutoff = start + options.BaselineSeconds * Stopwatch.Frequency;

        async IAsyncEnumerable<BaselineJob> Schedule()
        {
            for (var i = 0; i < products.Length; i++)
            {
                // Prices no run has sent (sequence 20,000,000 and up), stock as the old module would read it.
                yield return new BaselineJob(products[i], 20_000_000 + i, 1, start);
                if (i % 1024 == 0) await Task.Yield();
            }
        }

        return new OldModuleBaseline(world, options).RunAsync(Schedule(), tracker, () => cutoff);
    }
}
