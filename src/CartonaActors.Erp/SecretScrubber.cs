namespace CartonaActors.Erp;

/// <summary>
/// Removes the API key from any text that may reach a message or a log. Odoo never echoes the key, but a proxy,
/// a misconfigured URL or an exception from the HTTP stack might, so every message passes through here.
/// </summary>
internal sealed class SecretScrubber(string secret)
{
    private const string Mask = "***";

    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return secret.Length == 0 ? text : text.Replace(secret, Mask, StringComparison.Ordinal);
    }

    /// <summary>A bounded, scrubbed excerpt of a response body for an error message.</summary>
    public string Excerpt(string? text, int max = 200)
    {
        var clean = Scrub(text);
        return clean.Length <= max ? clean : clean[..max] + "…";
    }
}
