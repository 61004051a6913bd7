using System.Diagnostics;
using CartonaActors.Domain.SyncLog;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.SyncLog;

namespace CartonaActors.Benchmarks;

/// <summary>
/// The sync log's table at its cap: fills it with --rows rows (default 1,000,000, the default MaxRows) spread over
/// the 30 days kept, through the projection's own write path, then times the dashboard's and the CLI's queries
/// against it. Each is run several times and its median and worst reported; the target is under 100 ms each.
/// </summary>
public sealed class SyncLogRun(BenchOptions options, TextWriter report)
{
    public const double TargetMs = 100;
    private const int Repeats = 15;
    private const int FillBatch = 5_000;
    private static readonly string[] Connections = ["cartona", "shopify", "amazon", "ebay", "rest"];

    public sealed record Timing(string Query, double MedianMs, double WorstMs, int Rows);

    public sealed record Result(int Rows, double FillSeconds, IReadOnlyList<Timing> Timings)
    {
        public bool Failed => Timings.Any(t => t.MedianMs >= TargetMs);
    }

    public async Task<Result> RunAsync(BenchDatabaseKind kind)
    {
        await using var db = await BenchDatabase.CreateAsync(kind);
        report.WriteLine($"=== sync log: {options.Rows:N0} rows on {db.Description}");
        var database = new SyncLogDatabase(kind == BenchDatabaseKind.Sqlite ? PersistenceProvider.Sqlite : PersistenceProvider.PostgreSql, db.ConnectionString);
        await database.EnsureSchemaAsync();
        var now = DateTimeOffset.UtcNow;
        var fill = Stopwatch.StartNew();
        var store = new SyncLogStore(database);
        for (var start = 0; start < options.Rows; start += FillBatch)
        {
            var rows = Enumerable.Range(start, Math.Min(FillBatch, options.Rows - start)).Select(i => RowAt(i, options.Rows, now)).ToList();
            await store.AppendAsync(rows, start + rows.Count);
        }
        fill.Stop();
        if (kind == BenchDatabaseKind.PostgreSql) await AnalyzeAsync(database);
        report.WriteLine($"filled in {fill.Elapsed.TotalSeconds:0.0} s ({options.Rows / fill.Elapsed.TotalSeconds:N0} rows/s through the projection's write)");

        var reader = new SyncLogReader(database);
        // Rows from the middle of the table: a refusal (i % 20 == 0) and an order import (i % 7 == 0) are there.
        var target = options.Rows / 2 / 100 * 100;
        var timings = new List<Timing>
        {
            await TimeAsync("newest 100", () => reader.QueryAsync(new SyncLogFilter())),
            await TimeAsync("connection+level (shopify, error)", () => reader.QueryAsync(new SyncLogFilter(Connection: "shopify", Level: SyncLogLevel.Error))),
            await TimeAsync("product", () => reader.QueryAsync(new SyncLogFilter(ProductId: ProductOf(target + 20)))),
            await TimeAsync("order", () => reader.QueryAsync(new SyncLogFilter(OrderId: OrderOf(target - target % 7 + 7)))),
            await TimeAsync("kind since a day ago, page 2", async () =>
            {
                var page = await reader.QueryAsync(new SyncLogFilter(Kind: "push_refused", Since: now.AddDays(-1)));
                return page.Count == 0 ? page : await reader.QueryAsync(new SyncLogFilter(Kind: "push_refused", Since: now.AddDays(-1), Before: page[^1].Id));
            }),
            await TimeAsync<SyncLogMinute>("summary 24 h", async () => (await reader.SummaryAsync(24, now)).LastHour),
        };
        foreach (var t in timings)
            report.WriteLine($"  {t.Query,-36} median {t.MedianMs,6:0.0} ms   worst {t.WorstMs,6:0.0} ms   ({t.Rows} rows)   {(t.MedianMs < TargetMs ? "ok" : "OVER 100 ms")}");
        return new Result(options.Rows, fill.Elapsed.TotalSeconds, timings);
    }

    /// <summary>Row i of n: oldest first over the 30 days; a mix of kinds and levels like a busy log (most rows are
    /// pushes, one in 20 a refusal, one in 100 an error); products and orders repeat so a filter finds a handful.</summary>
    private static SyncLogRow RowAt(int i, int n, DateTimeOffset now)
    {
        var at = now.AddDays(-30).AddMilliseconds(TimeSpan.FromDays(30).TotalMilliseconds * i / n);
        var connection = Connections[i / 3 % Connections.Length]; // not i % 5: every kind then reaches every connection
        return (i % 100, i % 20, i % 7) switch
        {
            (0, _, _) => new(at, SyncLogLevel.Error, "push_failed", connection, null, null, "server_error", "bulk call of 500 items failed: HTTP 503"),
            (_, 0, _) => new(at, SyncLogLevel.Warning, "push_refused", connection, ProductOf(i), null, "refused", "version 3 refused: price below cost"),
            (_, _, 0) => new(at, SyncLogLevel.Info, "order_imported", connection, null, OrderOf(i), "imported", "ERP sale order 70 holds version 1"),
            (_, _, 1) => new(at, SyncLogLevel.Info, "push_confirmed", connection, ProductOf(i), null, "confirmed", "1 products confirmed"),
            _ => new(at, SyncLogLevel.Info, "push_delivered", connection, null, null, "delivered", "bulk call of 500 items delivered, 0 refused", 500),
        };
    }

    private static string ProductOf(int i) => $"sku-{i % 50_000}";

    private static string OrderOf(int i) => $"cartona/O{i / 7 % 20_000}";

    private static async Task<Timing> TimeAsync<T>(string query, Func<Task<IReadOnlyList<T>>> run)
    {
        var rows = (await run()).Count; // warm: the first read of an index pays for the page cache
        var ms = new List<double>();
        for (var i = 0; i < Repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }
        ms.Sort();
        return new Timing(query, ms[ms.Count / 2], ms[^1], rows);
    }

    private static async Task AnalyzeAsync(SyncLogDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "ANALYZE sync_log";
        await command.ExecuteNonQueryAsync();
    }
}
