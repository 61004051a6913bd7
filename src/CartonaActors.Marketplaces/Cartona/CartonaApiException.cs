namespace CartonaActors.Marketplaces.Cartona;

/// <summary>
/// A Cartona call off the push path failed. The message never holds the credential, and the transport
/// exception is deliberately not attached: it carries the request, headers and all.
/// </summary>
public sealed class CartonaApiException(string message, int? statusCode = null) : Exception(message)
{
    /// <summary>HTTP status, when the platform answered at all.</summary>
    public int? StatusCode { get; } = statusCode;
}
