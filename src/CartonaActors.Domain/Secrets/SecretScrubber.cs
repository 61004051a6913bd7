namespace CartonaActors.Domain.Secrets;

/// <summary>
/// The one scrubber every client uses: makes text from the wire safe to keep in outcomes, errors and logs —
/// short, and without the credential even if a proxy, the platform or the HTTP stack echoes it back. Besides the
/// secrets it is given, it masks what any URL in the text carries as a credential (userinfo, a query token).
/// </summary>
public sealed class SecretScrubber
{
    private const string Mask = "***";
    private readonly string[] _secrets;

    public SecretScrubber(params string?[] secrets) =>
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).OrderByDescending(s => s.Length).ToArray();

    /// <summary>For a client of <paramref name="url"/>: also masks the credentials that URL carries, wherever echoed.</summary>
    public static SecretScrubber For(string? url, params string?[] secrets) => new([.. secrets, .. SecretsOf(url)]);

    /// <summary>The credentials a URL carries (its userinfo, its query values), to register with a scrubber.</summary>
    public static IEnumerable<string> SecretsOf(string? url) => UrlCredentials.In(url);

    /// <summary>A configured URL (the ERP's, a marketplace's base URL) as it may be logged or shown: without
    /// userinfo or query values, which may be credentials.</summary>
    public static string SafeUrl(string? url) => UrlCredentials.Display(url);

    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text.Contains('=') || text.Contains('@') ? UrlCredentials.MaskIn(text) : text;
    }

    /// <summary>A bounded, scrubbed excerpt. Scrubbed before truncating so a secret cut in half cannot leak either.</summary>
    public string Excerpt(string? text, int max = 300)
    {
        var clean = Scrub(text).Trim();
        return clean.Length <= max ? clean : clean[..max] + "…";
    }
}
