namespace CartonaActors.Marketplaces;

/// <summary>
/// Everything the engine knows of one platform (Cartona, generic REST, …). Each platform folder has one class
/// implementing it and the host registers it in one line; nothing outside the folder names the platform.
/// </summary>
public interface IMarketplacePlatform
{
    /// <summary>The value of a connection's <c>Platform</c> setting (lower case).</summary>
    string Name { get; }

    /// <summary>Binds and validates the connection's settings for this platform and describes it to the engine.
    /// Throws <see cref="ArgumentException"/> naming the connection and the key (never a secret's value).</summary>
    PlatformConnection Open(ConnectionSettings settings);

    /// <summary>Readers for manifests under which this platform's older event shapes were journaled: each turns
    /// the stored bytes into today's neutral type, so old journals recover unchanged.</summary>
    IReadOnlyDictionary<string, Func<byte[], object>> LegacyEventReaders { get; }
}
