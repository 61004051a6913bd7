using System.Security.Cryptography;

namespace CartonaActors.Sandbox.Amazon.Auth;

/// <summary>The LWA access tokens issued so far and when each expires (by the options' clock). Refresh tokens are not
/// rotated by LWA, so the store only hands out access tokens.</summary>
internal sealed class LwaTokenStore(AmazonEmulatorOptions options)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _expiry = new(StringComparer.Ordinal);

    public (string Token, DateTimeOffset ExpiresAt) Issue()
    {
        var token = "Atza|" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var expires = options.Clock.GetUtcNow() + options.AccessTokenLifetime;
        lock (_gate) _expiry[token] = expires;
        return (token, expires);
    }

    public TokenCheck Check(string? token)
    {
        if (string.IsNullOrEmpty(token)) return TokenCheck.Missing;
        lock (_gate)
        {
            if (!_expiry.TryGetValue(token, out var expires)) return TokenCheck.Unknown;
            return options.Clock.GetUtcNow() < expires ? TokenCheck.Live : TokenCheck.Expired;
        }
    }

    /// <summary>Every token issued so far expires now; a clock that later steps back must not revive them.</summary>
    public void ExpireAll()
    {
        lock (_gate)
            foreach (var token in _expiry.Keys.ToList()) _expiry[token] = DateTimeOffset.MinValue;
    }
}

internal enum TokenCheck { Live, Missing, Unknown, Expired }
