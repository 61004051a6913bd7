using System.Globalization;

namespace CartonaActors.Benchmarks;

public enum BenchDatabaseKind { Sqlite, PostgreSql }

/// <summary><c>products</c>: changes through the HTTP ingress; <c>odoo</c>: an emulated Odoo 18 feeds the service
/// (catalog load, then changes made in Odoo reaching the service by webhook).</summary>
public enum BenchScenario { Products, Odoo }

/// <summary>Command line of the benchmark: <c>--scenario products|odoo --products N --variants N --rate R --seconds T
/// --hot H --hot-share S --db sqlite|postgresql|both</c>.</summary>
public sealed record BenchOptions(
    int Products,
    int Rate,
    int Seconds,
    int Hot,
    double HotShare,
    IReadOnlyList<BenchDatabaseKind> Databases,
    int QuiescenceTimeoutSeconds,
    BenchScenario Scenario = BenchScenario.Products,
    int Variants = 0,
    int LoadTimeoutSeconds = 900)
{
    public const string Usage =
        "usage: CartonaActors.Benchmarks [--scenario products] [--products 10000] [--rate 1000] [--seconds 30] [--hot 10] [--hot-share 0.2] " +
        "[--db sqlite|postgresql|both] [--quiescence-timeout 120]\n" +
        "       CartonaActors.Benchmarks --scenario odoo [--variants 100000] [--rate 20] [--seconds 30] " +
        "[--db sqlite|postgresql|both] [--quiescence-timeout 120] [--load-timeout 900]";

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{arg}'");
            var eq = arg.IndexOf('=');
            if (eq > 0) values[arg[2..eq]] = arg[(eq + 1)..];
            else if (i + 1 < args.Length) values[arg[2..]] = args[++i];
            else throw new ArgumentException($"{arg} needs a value");
        }

        int Int(string name, int fallback, int min)
        {
            if (!values.Remove(name, out var text)) return fallback;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min)
                throw new ArgumentException($"--{name} must be an integer >= {min}, got '{text}'");
            return v;
        }

        var scenarioText = values.Remove("scenario", out var st) ? st.ToLowerInvariant() : "products";
        var scenario = scenarioText switch
        {
            "products" => BenchScenario.Products,
            "odoo" => BenchScenario.Odoo,
            _ => throw new ArgumentException($"--scenario must be products or odoo, got '{st}'"),
        };
        var odoo = scenario == BenchScenario.Odoo;
        string[] foreign = odoo ? ["products", "hot", "hot-share"] : ["variants", "load-timeout"];
        if (foreign.FirstOrDefault(values.ContainsKey) is { } misplaced)
            throw new ArgumentException($"--{misplaced} does not apply to --scenario {scenarioText}");

        var products = Int("products", 10_000, 1);
        var variants = Int("variants", 100_000, 1);
        var loadTimeout = Int("load-timeout", 900, 1);
        var rate = Int("rate", odoo ? 20 : 1_000, 1);
        var seconds = Int("seconds", 30, 1);
        var hot = Int("hot", 10, 0);
        var quiescence = Int("quiescence-timeout", 120, 1);
        var hotShare = 0.2;
        if (values.Remove("hot-share", out var shareText)
            && (!double.TryParse(shareText, NumberStyles.Float, CultureInfo.InvariantCulture, out hotShare) || hotShare is < 0 or > 1))
            throw new ArgumentException($"--hot-share must be between 0 and 1, got '{shareText}'");
        if (odoo) hot = 0;
        if (hot > products) throw new ArgumentException($"--hot {hot} exceeds --products {products}");
        if (hot == 0) hotShare = 0;

        var db = values.Remove("db", out var dbText) ? dbText.ToLowerInvariant() : "sqlite";
        IReadOnlyList<BenchDatabaseKind> databases = db switch
        {
            "sqlite" => [BenchDatabaseKind.Sqlite],
            "postgresql" or "postgres" or "pg" => [BenchDatabaseKind.PostgreSql],
            "both" => [BenchDatabaseKind.Sqlite, BenchDatabaseKind.PostgreSql],
            _ => throw new ArgumentException($"--db must be sqlite, postgresql or both, got '{dbText}'"),
        };
        if (values.Count > 0) throw new ArgumentException($"unknown option(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}");
        return new BenchOptions(products, rate, seconds, hot, hotShare, databases, quiescence, scenario, odoo ? variants : 0, loadTimeout);
    }
}
