using System.Text;
using Akka.Actor;
using CartonaActors.Engine.Serialization;

namespace CartonaActors.Engine.Tests;

/// <summary>Journals outlive code: every persisted type keeps a frozen serialized sample that must still read.</summary>
public sealed class SerializationSpecs : IDisposable
{
    private static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "events");
    private readonly ActorSystem _system = ActorSystem.Create("serialization-specs");
    private readonly SyncSerializer _serializer;

    public SerializationSpecs() => _serializer = new SyncSerializer((ExtendedActorSystem)_system);

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
