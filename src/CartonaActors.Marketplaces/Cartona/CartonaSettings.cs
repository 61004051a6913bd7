namespace CartonaActors.Marketplaces.Cartona;

/// <summary>Cartona's own keys of a connection (<c>Connections:N:Settings</c>).</summary>
public sealed class CartonaSettings
{
    /// <summary>Header carrying the token: Cartona's module uses <c>AuthorizationToken</c> with the raw token;
    /// <c>Authorization</c> sends it as a Bearer token.</summary>
    public string AuthHeader { get; set; } = "AuthorizationToken";
}
