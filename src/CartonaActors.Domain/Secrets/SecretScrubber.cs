namespace CartonaActors.Domain.Secrets;

/// <summary>
/// The one scrubber every client uses: makes text from the wire safe to keep in outcomes, errors and logs —
/// short, and without the credential even if a proxy, the platform or the HTTP stack echoes it back.
/// </summary>
public sealed class SecretScrubber
{
    private const string Mask = "***";
    private readonly string[] _secrets;

    public SecretScrubber(params string?[] secrets) =>
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).OrderByDescending(s => s.Length).ToArray();

    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }

    /// <summary>A bounded, scrubbed excerpt. Scrubbed before truncating so a secret cut in half cannot leak either.</summary>
    public string Excerpt(string? text, int max = 300)
    {
        var clean = Scrub(text).Trim();
        return clean.Length <= max ? clean : clean[..max] + "…";
    }
}
