using System.Text;
using Akka.Actor;
using CartonaActors.Domain.Orders;
using CartonaActors.Engine.Serialization;
using CartonaActors.Marketplaces;
using CartonaActors.Marketplaces.Cartona;

namespace CartonaActors.Engine.Tests;

/// <summary>Journals outlive code: every persisted type keeps a frozen serialized sample that must still read.</summary>
public sealed class SerializationSpecs : IDisposable
{
    private static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "events");
    private readonly ActorSystem _system = ActorSystem.Create("serialization-specs");
    private readonly SyncSerializer _serializer;

    public SerializationSpecs() =>
        _serializer = new SyncSerializer((ExtendedActorSystem)_system, new PlatformRegistry().Add(new CartonaPlatform()).LegacyEventReaders());

    public void Dispose() => _system.Dispose();

    [Fact]
    public void Every_persisted_type_has_a_sample_and_a_fixture()
    {
        var sampled = EventSamples.All.Select(s => s.GetType()).ToHashSet();
        Assert.All(Manifests.Persisted, t => Assert.Contains(t, sampled));
        Assert.All(Manifests.Persisted, t => Assert.True(File.Exists(FixturePath(Manifests.ByType[t])),
            $"missing fixture {Manifests.ByType[t]}.json: run the tests once with CARTONA_WRITE_FIXTURES=1 and commit the new file"));
    }

    [Fact]
    public void Every_fixture_still_reads_as_its_sample()
    {
        foreach (var sample in EventSamples.All)
        {
            var manifest = _serializer.Manifest(sample);
            var path = FixturePath(manifest);
            if (Environment.GetEnvironmentVariable("CARTONA_WRITE_FIXTURES") == "1" && !File.Exists(path))
            {
                // Only new fixtures are written: an existing one is the contract and is never regenerated.
                path = Path.Combine(SourceFixtureDir(), manifest + ".json");
                if (!File.Exists(path)) File.WriteAllBytes(path, _serializer.ToBinary(sample));
            }
            var fixture = File.ReadAllBytes(path);
            var read = _serializer.FromBinary(fixture, manifest);
            Assert.IsType(sample.GetType(), read);
            // Records holding lists compare by reference, so compare what they serialize to.
            Assert.Equal(Encoding.UTF8.GetString(_serializer.ToBinary(sample)), Encoding.UTF8.GetString(_serializer.ToBinary(read)));
        }
    }

    /// <summary>Journals written before the platform seam hold Cartona-shaped order events under -v1 manifests: the
    /// Cartona platform reads each into today's neutral event, and they fold to the same order state.</summary>
    [Fact]
    public void Order_events_journaled_before_the_platform_seam_read_as_the_neutral_events()
    {
        foreach (var (manifest, expected) in EventSamples.LegacyOrderEvents)
        {
            Assert.False(Manifests.ByManifest.ContainsKey(manifest), $"{manifest} is a legacy manifest: it must not be written again");
            var read = _serializer.FromBinary(File.ReadAllBytes(FixturePath(manifest)), manifest);
            Assert.IsType(expected.GetType(), read);
            Assert.Equal(Encoding.UTF8.GetString(_serializer.ToBinary(expected)), Encoding.UTF8.GetString(_serializer.ToBinary(read)));
        }
        var legacy = new[] { "order-version-received-v1", "order-lines-settled-v1", "order-erp-status-applied-v1",
                "order-cartona-status-pushed-v1", "order-cartona-status-refused-v1", "order-cartona-lines-pushed-v1" }
            .Select(m => (IOrderEvent)_serializer.FromBinary(File.ReadAllBytes(FixturePath(m)), m))
            .Aggregate(OrderState.Empty(EventSamples.OrderId), OrderRules.Apply);
        var neutral = new[] { "order-version-received-v1", "order-lines-settled-v1", "order-erp-status-applied-v1",
                "order-cartona-status-pushed-v1", "order-cartona-status-refused-v1", "order-cartona-lines-pushed-v1" }
            .Select(m => (IOrderEvent)EventSamples.LegacyOrderEvents[m])
            .Aggregate(OrderState.Empty(EventSamples.OrderId), OrderRules.Apply);
        Assert.Equal(Encoding.UTF8.GetString(_serializer.ToBinary(neutral)), Encoding.UTF8.GetString(_serializer.ToBinary(legacy)));
        Assert.Equal("approved", legacy.MarketplaceStatus);
        Assert.Equal("retailer_A00315", legacy.Latest!.Customer.Ref);
    }

    /// <summary>The ERP read time was added to product-updated-v1 and the product state; the v1 fixtures (without it)
    /// read as null above, and a value written now reads back.</summary>
    [Fact]
    public void A_products_ERP_read_time_survives_the_journal_and_the_snapshot()
    {
        var at = new DateTimeOffset(2026, 12, 2, 10, 0, 0, 123, TimeSpan.Zero);
        var updated = new CartonaActors.Domain.Products.ProductUpdated("sku-1", 3, 9m, null, null, null, null, at);
        var read = (CartonaActors.Domain.Products.ProductUpdated)_serializer.FromBinary(_serializer.ToBinary(updated), _serializer.Manifest(updated));
        Assert.Equal(at, read.ObservedAt);
        var state = CartonaActors.Domain.Products.ProductState.Empty("sku-1") with { ErpObservedAt = at };
        var snapshot = (CartonaActors.Domain.Products.ProductState)_serializer.FromBinary(_serializer.ToBinary(state), _serializer.Manifest(state));
        Assert.Equal(at, snapshot.ErpObservedAt);
    }

    [Fact]
    public void The_version_and_lines_an_import_or_line_replacement_settled_survive_a_round_trip()
    {
        var lines = new[] { new CartonaActors.Domain.Orders.OrderLine(11, "51", null, "Tea", 2, 200, null) };
        var linked = new CartonaActors.Domain.Orders.SaleOrderLinked("cartona/A", 70, 1, new Dictionary<long, long> { [11] = 700 }, lines);
        var readLinked = (CartonaActors.Domain.Orders.SaleOrderLinked)_serializer.FromBinary(_serializer.ToBinary(linked), _serializer.Manifest(linked));
        Assert.Equal(lines, readLinked.Lines);
        var settled = new CartonaActors.Domain.Orders.OrderLinesSettled("cartona/A", lines, new Dictionary<long, long> { [11] = 700 }, 2);
        var readSettled = (CartonaActors.Domain.Orders.OrderLinesSettled)_serializer.FromBinary(_serializer.ToBinary(settled), _serializer.Manifest(settled));
        Assert.Equal(2, readSettled.Version);
    }

    [Fact]
    public void A_legacy_manifest_without_its_platform_registered_fails_loudly()
    {
        var bare = new SyncSerializer((ExtendedActorSystem)_system);
        var ex = Assert.ThrowsAny<Exception>(() => bare.FromBinary(File.ReadAllBytes(FixturePath("order-state-v1")), "order-state-v1"));
        Assert.Contains("order-state-v1", ex.Message);
    }

    [Fact]
    public void Manifests_are_unique_and_versioned()
    {
        Assert.Equal(Manifests.ByType.Count, Manifests.ByManifest.Count);
        Assert.All(Manifests.ByType.Values, m => Assert.Matches(@"^[a-z\-]+-v\d+$", m));
    }

    [Fact]
    public void An_unregistered_type_fails_loudly()
    {
        var ex = Assert.ThrowsAny<Exception>(() => _serializer.ToBinary(new { Foo = 1 }));
        Assert.Contains("No manifest", ex.Message);
    }

    private static string FixturePath(string manifest) => Path.Combine(FixtureDir, manifest + ".json");

    private static string SourceFixtureDir() =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Fixtures", "events"));
}
