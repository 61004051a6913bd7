using System.Security.Cryptography;

namespace CartonaActors.Sandbox.Shopify.Auth;

/// <summary>
/// Which access tokens are good, per Shopify's expiring offline tokens: offline tokens from the options never
/// expire; expiring tokens die after <see cref="ShopifyEmulatorOptions.ExpiringTokenLifetime"/> by the clock.
/// Each refresh rotates the refresh token, and (the "resilient refresh") the previous refresh token keeps
/// working until the access token issued in exchange for it is first used — so a client that lost the refresh
/// answer can refresh again with what it has.
/// </summary>
internal sealed class TokenStore(ShopifyEmulatorOptions options)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, AccessToken> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshToken> _refresh = new(StringComparer.Ordinal);

    private sealed class AccessToken(DateTimeOffset expiresAt, string? predecessorRefresh)
    {
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
        public string? PredecessorRefresh { get; } = predecessorRefresh;
        public bool Used { get; set; }
    }

    private sealed class RefreshToken
    {
        public bool Dead { get; set; }
    }

    public const string Scope = "read_products,write_products,read_inventory,write_inventory,read_orders,write_orders,read_fulfillments,write_fulfillments";

    /// <summary>The app a good token belongs to (the bucket and idempotency owner), or null.</summary>
    public string? Authenticate(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        if (options.AccessTokens.Contains(token)) return "offline:" + token;
        lock (_gate)
        {
            if (!_access.TryGetValue(token, out var access) || access.ExpiresAt <= options.Clock.GetUtcNow()) return null;
            if (!access.Used)
            {
                access.Used = true;
                if (access.PredecessorRefresh is not null && _refresh.TryGetValue(access.PredecessorRefresh, out var old)) old.Dead = true;
            }
            return "app:" + options.ClientId;
        }
    }

    public (string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt) Issue(string? predecessorRefresh = null)
    {
        lock (_gate)
        {
            var expires = options.Clock.GetUtcNow() + options.ExpiringTokenLifetime;
            var access = "shpat_" + Random();
            var refresh = "shprt_" + Random();
            _access[access] = new AccessToken(expires, predecessorRefresh);
            _refresh[refresh] = new RefreshToken();
            return (access, refresh, expires);
        }
    }

    /// <summary>A new pair for a live refresh token; null when it is unknown or spent.</summary>
    public (string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)? Refresh(string refreshToken)
    {
        lock (_gate)
        {
            if (!_refresh.TryGetValue(refreshToken, out var state) || state.Dead) return null;
            return Issue(refreshToken);
        }
    }

    private static string Random() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
