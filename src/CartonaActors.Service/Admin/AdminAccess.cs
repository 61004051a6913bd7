using CartonaActors.Engine.Configuration;

namespace CartonaActors.Service.Admin;

/// <summary>Whether the admin API needs the bearer token, decided once at start from the token and where the
/// service listens.</summary>
public sealed record AdminAccess(string? RequiredToken)
{
    public const string TokenKey = "CartonaActors:Admin:Token";

    public bool Open => RequiredToken is null;

    /// <summary>Replaces the generated one, which would print the token.</summary>
    public override string ToString() => Open ? "open (loopback only, no token set)" : "requires the bearer token";

    /// <summary>A configured token is always required. Without one the admin API is open only when nothing off
    /// this host can reach it; listening beyond loopback without a token is refused before anything starts, since
    /// anyone reaching the port could set prices or mark orders delivered.</summary>
    public static AdminAccess Decide(AdminOptions admin, ListenAddresses listen)
    {
        if (admin.TokenConfigured) return new AdminAccess(admin.Token!.Trim());
        if (listen.OffLoopback is { Count: > 0 } exposed)
            throw new AdminTokenRequiredException(
                $"{TokenKey} is not set but the service listens on {string.Join(", ", exposed)}, which is reachable beyond loopback: " +
                $"set {TokenKey} (environment CartonaActors__Admin__Token, e.g. from `openssl rand -hex 32`) and send it as " +
                $"'Authorization: Bearer <token>', or listen on loopback only (urls={ListenAddresses.Default}).");
        return new AdminAccess((string?)null);
    }
}

/// <summary>The service would expose its admin API without a token; the message names the setting.</summary>
public sealed class AdminTokenRequiredException(string message) : Exception(message);
