using System.Security.Cryptography;

namespace CartonaActors.Sandbox.Ebay.Auth;

/// <summary>User access tokens minted from refresh tokens. A token is valid until its lifetime ends by the clock, or
/// until <see cref="EbayFaults.ExpireAccessTokensNow"/> is called after it was issued (each token remembers the fault
/// epoch it was born in).</summary>
internal sealed class EbayTokenStore(EbayEmulatorOptions options, EbayFaults faults, EbayCounters counters)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (DateTimeOffset ExpiresAt, long Epoch)> _issued = new(StringComparer.Ordinal);

    public bool IsRefreshToken(string refreshToken)
    {
        lock (options.RefreshTokens) return options.RefreshTokens.Contains(refreshToken);
    }

    public (string AccessToken, DateTimeOffset ExpiresAt) Issue()
    {
        // eBay's user tokens look like "v^1.1#i^1#...#t^<base64>"; clients must treat them as opaque.
        var token = "v^1.1#i^1#r^0#p^3#I^3#f^0#t^" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var expires = options.Clock.GetUtcNow() + options.AccessTokenLifetime;
        lock (_gate) _issued[token] = (expires, faults.ExpireEpoch);
        counters.TokenIssued();
        return (token, expires);
    }

    public TokenCheck Check(string? token)
    {
        if (string.IsNullOrEmpty(token)) return TokenCheck.Unknown;
        lock (_gate)
        {
            if (!_issued.TryGetValue(token, out var t)) return TokenCheck.Unknown;
            if (t.Epoch != faults.ExpireEpoch || options.Clock.GetUtcNow() >= t.ExpiresAt) return TokenCheck.Expired;
            return TokenCheck.Valid;
        }
    }
}

internal enum TokenCheck
{
    Valid,
    Unknown,
    Expired,
}
