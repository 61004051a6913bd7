using CartonaActors.Domain.SyncLog;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.SyncLog;

namespace CartonaActors.Engine.Tests.SyncLog;

/// <summary>The sync log's table on SQLite and PostgreSQL: filters, paging, the summary, retention and the row cap.</summary>
public sealed class SyncLogTableSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 30, 20, TimeSpan.Zero);

    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    private static async Task<SyncLogDatabase> DatabaseAsync(string provider)
    {
        var options = provider == "sqlite" ? Databases.NewSqlite() : await Databases.NewPostgreSqlAsync();
        var database = SyncLogDatabase.For(options);
        await database.EnsureSchemaAsync();
        return database;
    }

    private static SyncLogRow Row(DateTimeOffset at, string level = "info", string kind = "push_delivered", string? connection = "cartona",
        string? product = null, string? order = null, int pushed = 0) =>
        new(at, level, kind, connection, product, order, "ok", $"{kind} at {at:HH:mm:ss}", pushed);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rows_read_newest_first_by_each_filter_and_page_by_id(string provider)
    {
        var database = await DatabaseAsync(provider);
        var store = new SyncLogStore(database);
        await store.AppendAsync(
        [
            Row(Now.AddMinutes(-3), pushed: 10),
            Row(Now.AddMinutes(-2), "warning", "push_refused", product: "sku-1"),
            Row(Now.AddMinutes(-1), "warning", "order_held", order: "cartona/A1"),
            Row(Now, "error", "push_failed", connection: "shopify"),
        ], 41);
        var reader = new SyncLogReader(database);

        async Task<IEnumerable<string>> Kinds(SyncLogFilter f) => (await reader.QueryAsync(f)).Select(e => e.Kind);
        Assert.Equal(["push_failed", "order_held", "push_refused", "push_delivered"], await Kinds(new SyncLogFilter()));
        Assert.Equal(["order_held", "push_refused"], await Kinds(new SyncLogFilter(Connection: "cartona", Level: "warning")));
        Assert.Equal(["push_refused"], await Kinds(new SyncLogFilter(ProductId: "sku-1")));
        Assert.Equal(["order_held"], await Kinds(new SyncLogFilter(OrderId: "cartona/A1")));
        Assert.Equal(["push_failed"], await Kinds(new SyncLogFilter(Kind: "push_failed")));
        Assert.Equal(["push_failed", "order_held"], await Kinds(new SyncLogFilter(Since: Now.AddSeconds(-61))));
        var newest = await reader.QueryAsync(new SyncLogFilter(Limit: 2));
        Assert.Equal(["push_refused", "push_delivered"], await Kinds(new SyncLogFilter(Before: newest[^1].Id)));
        Assert.Equal(Now.AddMinutes(-2).ToUnixTimeMilliseconds(), newest.Concat(await reader.QueryAsync(new SyncLogFilter(Before: newest[^1].Id)))
            .Single(e => e.Kind == "push_refused").At.ToUnixTimeMilliseconds());
        Assert.Equal(41, await store.ReadOffsetAsync());

        var summary = await reader.SummaryAsync(24, Now);
        Assert.Equal(new Dictionary<string, long> { ["info"] = 1, ["warning"] = 2, ["error"] = 1 }, summary.ByLevel);
        Assert.Equal(1, summary.ByKind["order_held"]);
        Assert.Equal(60, summary.LastHour.Count);
        Assert.Equal(new SyncLogMinute(new DateTimeOffset(2026, 12, 7, 12, 27, 0, TimeSpan.Zero), 10, 0), summary.LastHour[^4]);
        Assert.Equal(new SyncLogMinute(new DateTimeOffset(2026, 12, 7, 12, 30, 0, TimeSpan.Zero), 0, 1), summary.LastHour[^1]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Pruning_deletes_rows_past_the_retention_and_the_oldest_beyond_the_cap_in_small_batches(string provider)
    {
        var database = await DatabaseAsync(provider);
        var store = new SyncLogStore(database);
        // 30 rows older than the 30 days kept, then 120 recent ones: the cap of 50 keeps the newest 50.
        await store.AppendAsync(Enumerable.Range(0, 30).Select(i => Row(Now.AddDays(-31).AddMinutes(i), product: $"old-{i}")).ToList(), 1);
        await store.AppendAsync(Enumerable.Range(0, 120).Select(i => Row(Now.AddHours(-5).AddMinutes(i), product: $"new-{i}")).ToList(), 2);
        var retention = new SyncLogRetention(database, TimeSpan.FromDays(30), maxRows: 50, batch: 7);

        Assert.Equal(100, await retention.PruneAsync(Now));
        var left = await new SyncLogReader(database).QueryAsync(new SyncLogFilter(Limit: 1000));
        Assert.Equal(Enumerable.Range(70, 50).Reverse().Select(i => $"new-{i}"), left.Select(e => e.ProductId));
        Assert.Equal(0, await retention.PruneAsync(Now));
        // The old minutes' counts go with their rows; the summary still counts what happened in its window.
        Assert.Equal(120, (await new SyncLogReader(database).SummaryAsync(24 * 365, Now)).ByLevel["info"]);
    }
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_tables_are_created_once_when_every_node_and_reader_creates_them_at_the_same_moment(string provider)
    {
        // A cluster's nodes start together, and each node's projection and admin reader both create what is missing:
        // on PostgreSQL two concurrent CREATE TABLE IF NOT EXISTS can both miss the table and one then fails.
        var options = provider == "sqlite" ? Databases.NewSqlite() : await Databases.NewPostgreSqlAsync();
        var database = SyncLogDatabase.For(options);
        using var start = new ManualResetEventSlim();
        var creators = Enumerable.Range(0, 12).Select(_ => Task.Run(async () => { start.Wait(); await database.EnsureSchemaAsync(); })).ToList();
        start.Set();
        await Task.WhenAll(creators);

        var store = new SyncLogStore(database);
        await store.AppendAsync([Row(Now)], 7);
        Assert.Equal(7, await store.ReadOffsetAsync());
        Assert.Single(await new SyncLogReader(database).QueryAsync(new SyncLogFilter()));
    }
}
