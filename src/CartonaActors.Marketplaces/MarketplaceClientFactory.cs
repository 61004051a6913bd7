using CartonaActors.Marketplaces.Cartona;

namespace CartonaActors.Marketplaces;

/// <summary>
/// Builds the client for a configured connection, refusing settings that could only fail later and less
/// clearly. Messages name the connection and the setting, never the token.
/// </summary>
public static class MarketplaceClientFactory
{
    public static IMarketplaceClient Create(ConnectionSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        Validate(s);
        return (s.Platform ?? "").Trim().ToLowerInvariant() switch
        {
            "cartona" => new CartonaClient(s),
            _ => throw new ArgumentException(
                $"Connection '{s.Name}': platform '{s.Platform}' is not supported (supported: cartona).", nameof(s)),
        };
    }

    /// <summary>Throws an ArgumentException naming the connection and the setting when a setting cannot work.</summary>
    public static void Validate(ConnectionSettings s)
    {
        if (string.IsNullOrWhiteSpace(s.Name))
            throw new ArgumentException("A marketplace connection has no Name.", nameof(s));
        var name = s.Name;
        if (!Uri.TryCreate(s.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"Connection '{name}': BaseUrl '{s.BaseUrl}' must be an absolute http(s) URL.", nameof(s));
        if (string.IsNullOrWhiteSpace(s.Token))
            throw new ArgumentException($"Connection '{name}': Token is empty; set it, e.g. through an environment variable.", nameof(s));
        if (string.IsNullOrWhiteSpace(s.AuthHeader))
            throw new ArgumentException($"Connection '{name}': AuthHeader is empty.", nameof(s));
        if (s.MaxBatchSize is < 1 or > 1000)
            throw new ArgumentException($"Connection '{name}': MaxBatchSize {s.MaxBatchSize} must be between 1 and 1000.", nameof(s));
        if (!(s.RequestsPerSecond > 0))
            throw new ArgumentException($"Connection '{name}': RequestsPerSecond {s.RequestsPerSecond} must be greater than 0.", nameof(s));
        if (s.Burst < 1)
            throw new ArgumentException($"Connection '{name}': Burst {s.Burst} must be at least 1.", nameof(s));
        if (s.Timeout <= TimeSpan.Zero)
            throw new ArgumentException($"Connection '{name}': Timeout {s.Timeout} must be positive.", nameof(s));
    }
}
