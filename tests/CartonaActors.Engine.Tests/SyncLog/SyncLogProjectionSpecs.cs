using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.SyncLog;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.SyncLog;
using Akka.Hosting;

namespace CartonaActors.Engine.Tests.SyncLog;

/// <summary>
/// The sync log as a projection of the journal, on a real node with a real SQL journal (SQLite and PostgreSQL)
/// pushing over HTTP to the Cartona emulator: a scripted run leaves exactly its rows, and a restart on the same
/// journal resumes at the stored offset without writing any of them twice.
/// </summary>
public sealed class SyncLogProjectionSpecs
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    private static async Task<PersistenceOptions> JournalAsync(string provider) =>
        provider == "sqlite" ? Databases.NewSqlite() : await Databases.NewPostgreSqlAsync();

    private static UpdateProduct Link(string sku, string internalId, decimal price) =>
        new(sku, price, new Dictionary<string, decimal> { ["WH1"] = 5 }, null,
            [new ListingRequest("cartona", new ListingRef("InternalProductId", internalId))], null);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_scripted_run_leaves_exactly_its_rows_and_a_restart_on_the_same_journal_duplicates_none(string provider)
    {
        await using var cartona = await Emulators.CartonaAsync();
        var journal = await JournalAsync(provider);
        var reader = new SyncLogReader(SyncLogDatabase.For(journal));
        var started = DateTimeOffset.UtcNow;
        IReadOnlyList<SyncLogEntry> first;
        await using (var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, journal)))
        {
            var refusals = ActorRegistry.For(node.System);
            foreach (var (sku, id) in new[] { ("sku-1", "1"), ("sku-2", "2"), ("sku-unknown", "no-such-product") })
                await node.Products.Ask<ProductUpdateResult>(Link(sku, id, 9m), Within);
            refusals.Get<SyncLogRegion>().Tell(InputRefused.Of("sku-bad", "malformed JSON", DateTimeOffset.UtcNow));

            first = await UntilAsync(reader, rows => rows.Any(r => r.Kind == "push_refused") && rows.Any(r => r.Kind == "input_refused")
                && rows.Where(r => r.Kind == "push_confirmed").Sum(Confirmed) == 2, "the run's rows");
        }
        Assert.Equal(new[] { ("push_refused", "sku-unknown"), ("input_refused", "sku-bad") },
            first.Where(r => r.Level == "warning").Select(r => (r.Kind, r.ProductId!)).OrderByDescending(k => k.Kind));
        Assert.Contains("not found", Assert.Single(first, r => r.Kind == "push_refused").Message);
        Assert.Equal("malformed JSON", Assert.Single(first, r => r.Kind == "input_refused").Message);
        // Every item sent is counted once, in the batches that carried it: three products, one bulk call or more.
        Assert.Equal(3, first.Where(r => r.Kind == "push_delivered").Sum(r => int.Parse(r.Message.Split(' ')[3])));
        Assert.DoesNotContain(first, r => r.Level == "error");
        Assert.All(first, r => Assert.InRange(r.At, started.AddSeconds(-1), DateTimeOffset.UtcNow));
        Assert.All(first, r => Assert.Equal(r.Kind == "input_refused" ? null : "cartona", r.Connection));
        Assert.Equal(first.Count, first.Select(r => r.Id).Distinct().Count());

        await using (var again = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, journal)))
        {
            ActorRegistry.For(again.System).Get<SyncLogRegion>().Tell(InputRefused.Of(null, "after the restart", DateTimeOffset.UtcNow));
            var after = await UntilAsync(reader, rows => rows.Any(r => r.Message == "after the restart"), "the refusal after the restart");
            // The rows of the first run are there once each, unchanged; the only new row is the new refusal.
            Assert.Equal(first, after.Where(r => r.Message != "after the restart"));
            Assert.Single(after, r => r.Message == "after the restart");
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_journal_written_before_its_events_were_tagged_is_read_once_whole_and_then_followed_by_tag(string provider)
    {
        await using var cartona = await Emulators.CartonaAsync();
        var journal = await JournalAsync(provider);
        var database = SyncLogDatabase.For(journal);
        var reader = new SyncLogReader(database);
        IReadOnlyList<SyncLogEntry> tagged;
        await using (var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, journal)))
        {
            foreach (var (sku, id) in new[] { ("sku-1", "1"), ("sku-unknown", "no-such-product") })
                await node.Products.Ask<ProductUpdateResult>(Link(sku, id, 9m), Within);
            ActorRegistry.For(node.System).Get<SyncLogRegion>().Tell(InputRefused.Of("sku-bad", "malformed JSON", DateTimeOffset.UtcNow));
            tagged = await UntilAsync(reader, rows => rows.Any(r => r.Kind == "push_refused") && rows.Any(r => r.Kind == "input_refused")
                && rows.Any(r => r.Kind == "push_confirmed"), "the run's rows");
        }

        // As a release without the log left it: the events are in the journal, untagged, and no log exists.
        await using (var connection = await database.OpenAsync())
            foreach (var table in new[] { "tags", "sync_log", "sync_log_minute", "sync_log_offset" })
            {
                await using var delete = connection.CreateCommand();
                delete.CommandText = $"DELETE FROM {table}";
                await delete.ExecuteNonQueryAsync();
            }
        Assert.Empty(await reader.QueryAsync(new SyncLogFilter(Limit: 1000)));

        await using (var again = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, journal)))
        {
            // The history comes back from the journal, row for row, and what is written next is followed by its tag.
            var backfilled = await UntilAsync(reader, rows => rows.Count >= tagged.Count, "the journal's history");
            ActorRegistry.For(again.System).Get<SyncLogRegion>().Tell(InputRefused.Of(null, "after the backfill", DateTimeOffset.UtcNow));
            var after = await UntilAsync(reader, rows => rows.Any(r => r.Message == "after the backfill"), "the refusal after the backfill");
            Assert.Equal(tagged.Select(r => r with { Id = 0 }), backfilled.Select(r => r with { Id = 0 }));
            Assert.Equal(backfilled, after.Where(r => r.Message != "after the backfill"));
            Assert.Single(after, r => r.Message == "after the backfill");
            Assert.True(await new SyncLogStore(database).BackfilledAsync());
        }

        // The backfill ran once: a further restart reads on from the stored offset and adds nothing.
        var settled = await reader.QueryAsync(new SyncLogFilter(Limit: 1000));
        await using (var third = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, journal)))
        {
            ActorRegistry.For(third.System).Get<SyncLogRegion>().Tell(InputRefused.Of(null, "third start", DateTimeOffset.UtcNow));
            var last = await UntilAsync(reader, rows => rows.Any(r => r.Message == "third start"), "the third start's refusal");
            Assert.Equal(settled, last.Where(r => r.Message != "third start"));
        }
    }

    private static int Confirmed(SyncLogEntry row) => int.Parse(row.Message.Split(' ')[0]);

    private static async Task<IReadOnlyList<SyncLogEntry>> UntilAsync(SyncLogReader reader, Func<IReadOnlyList<SyncLogEntry>, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            var rows = await reader.QueryAsync(new SyncLogFilter(Limit: 1000));
            if (done(rows)) return rows;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what} not in the sync log within {Within}: {string.Join("; ", rows.Select(r => $"{r.Kind} {r.ProductId} {r.Message}"))}");
            await Task.Delay(100);
        }
    }
}
