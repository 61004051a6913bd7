using System.Globalization;

namespace CartonaActors.Benchmarks;

public enum BenchDatabaseKind { Sqlite, PostgreSql }

/// <summary>
/// <c>changes</c>: steady changes through the HTTP ingress over N products with hot ones; <c>onboard</c>: the full
/// catalog load of N Odoo variants, then Odoo changes; <c>repush</c>: sync-all of N known products;
/// <c>restart</c>: SIGKILL with work pending, then with nothing pending; <c>cluster</c>: 3 nodes, one SIGKILLed
/// under a change load; <c>platforms</c>: N products through the ingress to each platform's emulator in turn.
/// </summary>
public enum BenchScenario { Changes, Onboard, Repush, Restart, Cluster, Platforms, SyncLog }

/// <summary>The marketplaces the platforms scenario pushes to, in the order it runs them.</summary>
public enum BenchPlatform { Cartona, Rest, Shopify, Amazon, Ebay }

/// <summary>Command line of the benchmark (see <see cref="Usage"/>).</summary>
/// <param name="Products">N: products (changes, cluster) or Odoo variants (onboard, repush, restart).</param>
/// <param name="Pending">restart: changes made while Cartona answers 503, pending at the kill.</param>
/// <param name="KillAt">cluster: seconds into the change load when node 2 is SIGKILLed.</param>
/// <param name="BaselineWorkers">Concurrent queue-job workers of the old module's baseline.</param>
/// <param name="BaselineRetrySeconds">How long a job refused with 429 waits before it runs again.</param>
/// <param name="BaselineSeconds">onboard/repush: how long the baseline pushes one item per call before it is cut off.</param>
/// <param name="Platforms">platforms: the marketplaces pushed to, one after the other.</param>
/// <param name="Rows">synclog: rows the sync log table is filled with before its queries are timed.</param>
public sealed record BenchOptions(
    BenchScenario Scenario,
    int Products,
    int Rate,
    int Seconds,
    int Hot,
    double HotShare,
    IReadOnlyList<BenchDatabaseKind> Databases,
    int QuiescenceTimeoutSeconds,
    int LoadTimeoutSeconds,
    bool Baseline,
    int Pending,
    int KillAt,
    int BaselineWorkers,
    int BaselineRetrySeconds,
    int BaselineSeconds,
    IReadOnlyList<BenchPlatform> Platforms,
    string ResultsFolder,
    int Rows = 1_000_000)
{
    public const string Usage =
        "usage: CartonaActors.Benchmarks --scenario changes|onboard|repush|restart|cluster|platforms|synclog [--products N] [--rate R] [--seconds T]\n" +
        "         [--hot 10] [--hot-share 0.2] [--db sqlite|postgresql|both] [--baseline] [--quiescence-timeout 120] [--load-timeout 900]\n" +
        "         [--pending 10000] [--kill-at T/2] [--baseline-workers 4] [--baseline-retry 10] [--baseline-seconds 30]\n" +
        "         [--platforms cartona,rest,shopify,amazon,ebay]\n" +
        "         [--results tests/CartonaActors.Benchmarks/results]\n" +
        "  changes: N products linked through the ingress, then R changes/s for T s (hot products get hot-share of them)\n" +
        "  onboard: N Odoo variants loaded by the catalog load, then R Odoo changes/s for T s (--variants is --products)\n" +
        "  repush:  N variants loaded, then POST sync-all; restart: N loaded, pending changes, SIGKILL, restart twice\n" +
        "  cluster: changes over 3 nodes on one PostgreSQL, node 2 SIGKILLed at --kill-at\n" +
        "  platforms: for each of --platforms in turn, its emulator at its published limits and a fresh service with one\n" +
        "           connection to it; N products linked through the ingress, timed until all are shown (at most --load-timeout s each)\n" +
        "  synclog: the sync log table filled with --rows rows (1,000,000), the dashboard's and CLI's queries timed (target < 100 ms)";

    private static readonly string[] Flags = ["baseline"];

    public bool FromOdoo => Scenario is BenchScenario.Onboard or BenchScenario.Repush or BenchScenario.Restart;

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
            else if (Flags.Contains(arg[2..])) values[arg[2..]] = "true";
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

        var scenarioText = values.Remove("scenario", out var st) ? st.ToLowerInvariant() : "changes";
        var scenario = scenarioText switch
        {
            "changes" or "products" => BenchScenario.Changes,
            "onboard" or "odoo" => BenchScenario.Onboard,
            "repush" => BenchScenario.Repush,
            "restart" => BenchScenario.Restart,
            "cluster" => BenchScenario.Cluster,
            "platforms" => BenchScenario.Platforms,
            "synclog" or "sync-log" => BenchScenario.SyncLog,
            _ => throw new ArgumentException($"--scenario must be changes, onboard, repush, restart, cluster, platforms or synclog, got '{st}'"),
        };
        var odoo = scenario is BenchScenario.Onboard or BenchScenario.Repush or BenchScenario.Restart;
        if (values.Remove("variants", out var variantsText)) values["products"] = variantsText;
        string[] foreign = scenario == BenchScenario.SyncLog
            ? ["products", "rate", "seconds", "hot", "hot-share", "kill-at", "pending", "baseline", "baseline-workers", "baseline-retry", "baseline-seconds", "platforms", "load-timeout"]
            : scenario == BenchScenario.Platforms
            ? ["rate", "seconds", "hot", "hot-share", "kill-at", "pending", "baseline", "baseline-workers", "baseline-retry", "baseline-seconds", "rows"]
            : odoo ? ["hot", "hot-share", "kill-at", "platforms", "rows"] : ["load-timeout", "pending", "baseline-seconds", "platforms", "rows"];
        if (foreign.FirstOrDefault(values.ContainsKey) is { } misplaced)
            throw new ArgumentException($"--{misplaced} does not apply to --scenario {scenarioText}");

        var products = Int("products", odoo ? 100_000 : scenario == BenchScenario.Platforms ? 25_000 : 10_000, 1);
        var seconds = Int("seconds", scenario == BenchScenario.Repush ? 0 : 30, 0);
        var rate = Int("rate", odoo ? 20 : 1_000, 1);
        var hot = Int("hot", odoo ? 0 : 10, 0);
        var hotShare = 0.2;
        if (values.Remove("hot-share", out var shareText)
            && (!double.TryParse(shareText, NumberStyles.Float, CultureInfo.InvariantCulture, out hotShare) || hotShare is < 0 or > 1))
            throw new ArgumentException($"--hot-share must be between 0 and 1, got '{shareText}'");
        if (hot > products) throw new ArgumentException($"--hot {hot} exceeds --products {products}");
        if (hot == 0) hotShare = 0;

        var db = values.Remove("db", out var dbText) ? dbText.ToLowerInvariant() : scenario == BenchScenario.Cluster ? "postgresql" : "sqlite";
        IReadOnlyList<BenchDatabaseKind> databases = db switch
        {
            "sqlite" => [BenchDatabaseKind.Sqlite],
            "postgresql" or "postgres" or "pg" => [BenchDatabaseKind.PostgreSql],
            "both" => [BenchDatabaseKind.Sqlite, BenchDatabaseKind.PostgreSql],
            _ => throw new ArgumentException($"--db must be sqlite, postgresql or both, got '{dbText}'"),
        };
        if (scenario == BenchScenario.Cluster && databases.Contains(BenchDatabaseKind.Sqlite))
            throw new ArgumentException("--scenario cluster runs on PostgreSQL only (the service refuses SQLite with seed nodes)");
        if (scenario == BenchScenario.Cluster && seconds < 4) throw new ArgumentException("--scenario cluster needs --seconds 4 or more");

        var options = new BenchOptions(
            scenario, products, rate, seconds, hot, hotShare, databases,
            QuiescenceTimeoutSeconds: Int("quiescence-timeout", 120, 1),
            LoadTimeoutSeconds: Int("load-timeout", 900, 1),
            Baseline: values.Remove("baseline", out var b) && b != "false",
            Pending: Math.Min(products, Int("pending", 10_000, 1)),
            KillAt: Int("kill-at", Math.Max(1, seconds / 2), 1),
            BaselineWorkers: Int("baseline-workers", 4, 1),
            BaselineRetrySeconds: Int("baseline-retry", 10, 0),
            BaselineSeconds: Int("baseline-seconds", 30, 1),
            Platforms: values.Remove("platforms", out var platformsText) ? ParsePlatforms(platformsText) : Enum.GetValues<BenchPlatform>(),
            ResultsFolder: values.Remove("results", out var folder) ? folder : Path.Combine("tests", "CartonaActors.Benchmarks", "results"),
            Rows: Int("rows", 1_000_000, 1));
        if (values.Count > 0) throw new ArgumentException($"unknown option(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}");
        if (scenario == BenchScenario.Cluster && options.KillAt >= seconds) throw new ArgumentException("--kill-at must fall inside --seconds");
        return options;
    }

    private static IReadOnlyList<BenchPlatform> ParsePlatforms(string text)
    {
        var platforms = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Enum.TryParse<BenchPlatform>(name, ignoreCase: true, out var p) && Enum.IsDefined(p) && !char.IsDigit(name[0])
                ? p
                : throw new ArgumentException($"--platforms takes cartona, rest, shopify, amazon or ebay, separated by commas; got '{name}'"))
            .Distinct()
            .ToList();
        return platforms.Count > 0 ? platforms : throw new ArgumentException("--platforms names no platform");
    }
}
