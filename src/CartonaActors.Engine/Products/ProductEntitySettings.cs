using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Engine.Products;

/// <summary>What every product entity is built with; shared, immutable.</summary>
public sealed record ProductEntitySettings(
    DebouncePolicy Debounce,
    TimeSpan ResendAfter,
    TimeSpan PassivateIdleAfter,
    int SnapshotEvery,
    int PushSlices,
    IReadOnlyDictionary<string, ConnectionScope> Connections)
{
    public ConnectionScope? ScopeOf(string connectionId) => Connections.GetValueOrDefault(connectionId);
    public bool IsKnownConnection(string connectionId) => Connections.ContainsKey(connectionId);
}
