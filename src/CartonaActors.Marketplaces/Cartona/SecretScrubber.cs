namespace CartonaActors.Marketplaces.Cartona;

/// <summary>
/// Makes text from the wire safe to keep in outcomes and logs: short, and without the credential even if a
/// proxy or the platform echoes it back.
/// </summary>
internal sealed class SecretScrubber(string secret)
{
    private const int MaxExcerpt = 300;
    private const string Mask = "***";

    public string Excerpt(string? text)
    {
        var scrubbed = Scrub(text ?? "").Trim();
        return scrubbed.Length <= MaxExcerpt ? scrubbed : scrubbed[..MaxExcerpt] + "…";
    }

    // Scrubbed before truncating so a token cut in half by the excerpt cannot leak either.
    public string Scrub(string text) =>
        secret.Length == 0 ? text : text.Replace(secret, Mask, StringComparison.Ordinal);
}
