using CartonaActors.Marketplaces;

namespace CartonaActors.Service.Api;

/// <summary>The configured connections, validated by their platforms, for the endpoints.</summary>
public sealed class OpenConnections(IReadOnlyList<PlatformConnection> connections)
{
    public IReadOnlyList<PlatformConnection> All => connections;

    public PlatformConnection? Find(string name) => connections.FirstOrDefault(c => c.Name == name);
}
