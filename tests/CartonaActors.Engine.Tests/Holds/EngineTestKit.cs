using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Sync;
using CartonaActors.Engine.Products;

namespace CartonaActors.Engine.Tests.Holds;

/// <summary>What the TestKit specs of single entities share: an in-memory journal and the entities' settings.</summary>
internal static class EngineTestKit
{
    public const string Config = """
        akka.loglevel = WARNING
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    public static readonly ProductEntitySettings ProductSettings = new(
        new DebouncePolicy(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)),
        TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), 1000, 4,
        new Dictionary<string, ConnectionScope>());
}
