using System.Collections.Immutable;
using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Listings;
using CartonaActors.Domain.Secrets;
using Microsoft.Extensions.Configuration;

namespace CartonaActors.Marketplaces;

/// <summary>
/// The checks and bindings every platform applies to its connections, so each platform's <c>Open</c> only adds
/// its own. Every message names the connection and the key, never a value that may be a secret.
/// </summary>
public static class ConnectionChecks
{
    public static ArgumentException Problem(ConnectionSettings s, string key, string what) => Problem(s, $"{key} {what}");

    /// <param name="problem">Names the key itself (e.g. a rule's own check).</param>
    public static ArgumentException Problem(ConnectionSettings s, string problem) => new($"Connection '{s.Name}': {problem}", nameof(s));

    public static Uri BaseUrl(ConnectionSettings s)
    {
        if (!Uri.TryCreate(s.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw Problem(s, "BaseUrl", $"'{SecretScrubber.SafeUrl(s.BaseUrl)}' must be an absolute http(s) URL.");
        return url;
    }

    public static void Token(ConnectionSettings s)
    {
        if (string.IsNullOrWhiteSpace(s.Token))
            throw Problem(s, "Token", "is empty; set it, e.g. through an environment variable.");
    }

    /// <summary>The connection's limits: its overrides within the platform's published maximum, else the platform's.</summary>
    public static PlatformLimits Limits(ConnectionSettings s, int platformMaxBatch, double defaultRate, int defaultBurst, int callsPerPush = 1,
        int acknowledgementsPerCall = 1)
    {
        var batch = s.MaxBatchSize ?? platformMaxBatch;
        if (batch < 1 || batch > platformMaxBatch)
            throw Problem(s, "MaxBatchSize", $"{batch} must be between 1 and {platformMaxBatch} (the platform's maximum).");
        var rate = s.RequestsPerSecond ?? defaultRate;
        if (!(rate > 0)) throw Problem(s, "RequestsPerSecond", $"{rate} must be greater than 0.");
        var burst = s.Burst ?? defaultBurst;
        if (burst < 1) throw Problem(s, "Burst", $"{burst} must be at least 1.");
        if (s.MaxConcurrentRequests < 1) throw Problem(s, "MaxConcurrentRequests", $"{s.MaxConcurrentRequests} must be at least 1.");
        if (s.Timeout <= TimeSpan.Zero) throw Problem(s, "Timeout", $"{s.Timeout} must be positive.");
        return new PlatformLimits(batch, new PacingModel.RequestRate(rate, burst), callsPerPush, s.MaxConcurrentRequests, acknowledgementsPerCall);
    }

    /// <summary>The product-side scope with the connection's price and stock rules.</summary>
    public static ConnectionScope Scope(ConnectionSettings s, int platformPriceDecimals, bool sellsPerLocation)
    {
        var price = new PriceRule(s.PriceMarkupPercent, s.PriceDecimals ?? platformPriceDecimals, s.MinimumPrice);
        if (price.Problem() is { } p) throw Problem(s, p + ".");
        var stock = new StockRule(s.StockSafetyBuffer, s.StockMaximumShown, s.StockZeroBelow);
        if (stock.Problem() is { } q) throw Problem(s, q + ".");
        if (!sellsPerLocation && s.LocationByWarehouse.Count > 0)
            throw Problem(s, "LocationByWarehouse", "is set, but this platform sells one quantity per listing, not per location.");
        var locations = s.LocationByWarehouse.Count > 0 ? s.LocationByWarehouse.ToImmutableSortedDictionary(StringComparer.Ordinal) : null;
        return new ConnectionScope(s.Name, s.Warehouses, price, stock, locations);
    }

    /// <summary>How variants become listings here; <paramref name="kindFor"/> gives the platform's key kind for a
    /// source, or null when the platform cannot take it.</summary>
    public static ListingRule Listing(ConnectionSettings s, Func<ListingSource, string?> kindFor)
    {
        var kind = kindFor(s.ListingSource)
            ?? throw Problem(s, "ListingSource", $"{s.ListingSource} is not supported by platform '{s.Platform}'.");
        if (s.ListingSource == ListingSource.ErpField && !IsFieldName(s.ListingField))
            throw Problem(s, "ListingField", "must name the ERP field holding the marketplace id (e.g. x_cartona_id) when ListingSource is ErpField.");
        if (!string.IsNullOrWhiteSpace(s.OptInField) && !IsFieldName(s.OptInField))
            throw Problem(s, "OptInField", $"'{s.OptInField}' is not an ERP field name.");
        return new ListingRule(s.ListingSource, s.ListingField?.Trim(), kind, string.IsNullOrWhiteSpace(s.OptInField) ? null : s.OptInField.Trim());
    }

    /// <summary>Binds the connection's <see cref="ConnectionSettings.Settings"/> onto the platform's own settings type;
    /// an unknown key or a value of the wrong type names the key.</summary>
    public static T Bind<T>(ConnectionSettings s) where T : new()
    {
        var known = typeof(T).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in s.Settings.Keys)
            if (!known.Contains(key.Split(':')[0]))
                throw Problem(s, "Settings:" + key, $"is not a setting of platform '{s.Platform}' (known: {string.Join(", ", known.Order())}).");
        var target = new T();
        try
        {
            new ConfigurationBuilder().AddInMemoryCollection(s.Settings).Build().Bind(target);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the type, not the value.
            throw Problem(s, "Settings", $"cannot be read: {ex.Message}");
        }
        return target;
    }

    private static bool IsFieldName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
