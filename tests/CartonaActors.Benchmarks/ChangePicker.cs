namespace CartonaActors.Benchmarks;

/// <summary>The change stream of the changes scenario, the same sequence for the engine and the baseline (fixed
/// seed): a product (hot ones are 1..hot and get hot-share of the changes) and, half the time, a new stock.</summary>
public sealed class ChangePicker(BenchOptions options)
{
    private readonly Random _random = new(12345);

    public (int Product, int? Stock) Next()
    {
        var hot = options.Hot;
        var product = hot > 0 && (hot == options.Products || _random.NextDouble() < options.HotShare)
            ? _random.Next(1, hot + 1)
            : _random.Next(hot + 1, options.Products + 1);
        int? stock = _random.Next(2) == 0 ? _random.Next(0, 500) : null;
        return (product, stock);
    }
}
