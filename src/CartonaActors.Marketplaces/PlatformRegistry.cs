namespace CartonaActors.Marketplaces;

/// <summary>The platforms this host can connect to, by name. The host adds one line per platform.</summary>
public sealed class PlatformRegistry
{
    private readonly Dictionary<string, IMarketplacePlatform> _platforms = new(StringComparer.OrdinalIgnoreCase);

    public PlatformRegistry Add(IMarketplacePlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (!_platforms.TryAdd(platform.Name, platform))
            throw new ArgumentException($"Platform '{platform.Name}' is registered twice.", nameof(platform));
        return this;
    }

    public IReadOnlyCollection<IMarketplacePlatform> All => _platforms.Values;

    /// <summary>Validates the connection with its platform. Messages name the connection and the setting, never a secret.</summary>
    public PlatformConnection Open(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Name))
            throw new ArgumentException("A marketplace connection has no Name.", nameof(settings));
        if (string.IsNullOrWhiteSpace(settings.Platform))
            throw new ArgumentException(
                $"Connection '{settings.Name}': Platform is not set (one of: {string.Join(", ", _platforms.Keys.Order())}).", nameof(settings));
        if (!_platforms.TryGetValue(settings.Platform.Trim(), out var platform))
            throw new ArgumentException(
                $"Connection '{settings.Name}': Platform '{settings.Platform}' is not supported (supported: {string.Join(", ", _platforms.Keys.Order())}).",
                nameof(settings));
        return platform.Open(settings);
    }

    /// <summary>Opens every enabled connection; names must be unique.</summary>
    public IReadOnlyList<PlatformConnection> OpenAll(IEnumerable<ConnectionSettings> connections)
    {
        var opened = connections.Where(c => c.Enabled).Select(Open).ToList();
        var duplicate = opened.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Connection name '{duplicate.Key}' is configured twice");
        return opened;
    }

    /// <summary>Every registered platform's readers for older journal shapes, by manifest.</summary>
    public IReadOnlyDictionary<string, Func<byte[], object>> LegacyEventReaders() =>
        _platforms.Values.SelectMany(p => p.LegacyEventReaders).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
