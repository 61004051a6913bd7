using System.Net;
using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Service.Tests;
using Npgsql;

namespace CartonaActors.Engine.Tests;

/// <summary>
/// PostgreSQL goes away while pushes are pending and entities are writing: every entity that fails to write or
/// recover stops, and once the database is back every pending push reaches the marketplace without any product
/// being changed again.
/// </summary>
public sealed class JournalOutageSpecs(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Pending_pushes_resume_after_the_journal_comes_back_without_an_erp_change()
    {
        const int products = 40;
        var persistence = await Databases.NewPostgreSqlAsync();
        var pg = new NpgsqlConnectionStringBuilder(persistence.ConnectionString);
        await using var relay = new TcpRelay(new IPEndPoint(IPAddress.Loopback, pg.Port));
        relay.Open();
        persistence.ConnectionString = new NpgsqlConnectionStringBuilder(persistence.ConnectionString) { Port = relay.Port }.ToString();

        await using var cartona = await Emulators.CartonaAsync(products);
        cartona.Faults.FailAll(503); // the marketplace fails too: every push is pending when the journal goes
        var options = TestNode.Options(cartona.BaseUrl, Emulators.Token, persistence);
        await using var node = await TestNode.StartAsync(options);

        var updates = Enumerable.Range(1, products).Select(i => node.Products.Ask<ProductUpdateResult>(
            new UpdateProduct($"sku-{i}", 100m + i, new Dictionary<string, decimal> { ["WH1"] = i }, null,
                [new ListingRequest("cartona", new ListingRef("InternalProductId", i.ToString()))], null),
            TimeSpan.FromSeconds(30)));
        Assert.All(await Task.WhenAll(updates), r => Assert.True(r.Accepted, r.Error));
        await Probe.UntilAsync(() => cartona.Calls.Count(c => c.Status == 503) >= 3, TimeSpan.FromSeconds(30));

        relay.Cut();
        // Changes that arrive during the outage cannot be stored: their products fail to write and stop, with
        // their earlier change still unsent. Whatever was not accepted must not show; what was must.
        var expected = Enumerable.Range(1, products).ToDictionary(i => i, i => 100m + i);
        var during = await Task.WhenAll(Enumerable.Range(1, 5).Select(async i =>
        {
            try
            {
                var r = await node.Products.Ask<ProductUpdateResult>(new UpdateProduct($"sku-{i}", 500m + i, null, null, null, null), TimeSpan.FromSeconds(5));
                return (i, r.Accepted);
            }
            catch (AskTimeoutException)
            {
                return (i, false);
            }
        }));
        foreach (var (i, accepted) in during.Where(d => d.Item2)) expected[i] = 500m + i;
        // The outage goes on for a fixed time (it is the scenario, not a wait for something): the marketplace
        // entity journals each failed call and the slices their settlements, so both fail to write and stop,
        // and their restarts fail to recover while the database is away.
        await Task.Delay(TimeSpan.FromSeconds(10));
        cartona.Faults.Clear();
        relay.Open();
        var back = System.Diagnostics.Stopwatch.StartNew();

        // Resumed by the entities' own restarts (1.7 s alone), well inside the minute the 30 s default breaker reset and
        // 10 s restart backoff took; the margin is for a machine busy with the other specs.
        await Probe.UntilAsync(() => Enumerable.Range(1, products).All(i => cartona.Catalog.TryGet(i.ToString())!.SellingPrice == $"{expected[i]}.0"),
            TimeSpan.FromSeconds(45));
        output.WriteLine($"every pending push delivered {back.Elapsed.TotalSeconds:0.0} s after the journal came back; "
                         + $"{during.Count(d => d.Item2)} of {during.Length} changes sent during the outage were accepted");
        Assert.All(Enumerable.Range(1, products), i => Assert.Equal(i, cartona.Catalog.TryGet(i.ToString())!.AvailableStockQuantity));
    }
}
