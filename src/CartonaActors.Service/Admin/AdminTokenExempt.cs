namespace CartonaActors.Service.Admin;

/// <summary>Endpoint metadata: this endpoint answers without the admin token. Opt-out per endpoint, so anything
/// new (or any path that matches no endpoint) is guarded by default.</summary>
public sealed class AdminTokenExempt
{
    public static readonly AdminTokenExempt Instance = new();

    private AdminTokenExempt() { }
}

public static class AdminTokenExemptExtensions
{
    /// <summary>Only for the health probes and for webhooks that check their own secret.</summary>
    public static TBuilder ExemptFromAdminToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AdminTokenExempt.Instance);
}
