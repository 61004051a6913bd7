using System.Text.RegularExpressions;

namespace CartonaActors.Domain.Secrets;

/// <summary>
/// The credentials a URL can carry: userinfo (<c>https://user:pass@host</c>) and query values (<c>?token=…</c>).
/// <see cref="SecretScrubber"/> uses these rules; callers go through it.
/// </summary>
internal static partial class UrlCredentials
{
    private const string Mask = "***";

    /// <summary>Shorter parts are not registered as literal secrets (masking every "1" would ruin every message);
    /// the structural rules below still mask them wherever they appear in URL form.</summary>
    private const int MinimumLiteral = 6;

    /// <summary>The URL as it may be shown: userinfo and every query value masked, the fragment dropped.</summary>
    public static string Display(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || !uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Host))
            return MaskAllQueryValues(LooseUserInfo().Replace(url, Mask + "@")); // not a URL: whatever looks like userinfo
        var shown = $"{uri.Scheme}://{(uri.UserInfo.Length > 0 ? Mask + "@" : "")}{uri.Authority}{uri.AbsolutePath}";
        return uri.Query.Length > 1 ? shown + MaskAllQueryValues(uri.Query) : shown;
    }

    /// <summary>The literal credentials of a URL, raw and unescaped, to be masked wherever they are echoed.</summary>
    public static IEnumerable<string> In(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) yield break;
        var parts = new List<string>();
        if (uri.UserInfo.Length > 0)
        {
            parts.Add(uri.UserInfo);
            if (uri.UserInfo.IndexOf(':') is var colon and >= 0) parts.Add(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            if (pair.IndexOf('=') is var eq and >= 0) parts.Add(pair[(eq + 1)..]);
        foreach (var part in parts.SelectMany(p => new[] { p, Uri.UnescapeDataString(p) }).Distinct())
            if (part.Length >= MinimumLiteral) yield return part;
    }

    /// <summary>Masks, in any text, the userinfo of every URL and the values of query parameters named like a credential.</summary>
    public static string MaskIn(string text) =>
        CredentialParameter().Replace(UserInfo().Replace(text, "${scheme}" + Mask + "@"), "${name}=" + Mask);

    private static string MaskAllQueryValues(string text) => AnyQueryValue().Replace(text, "${name}=" + Mask);

    [GeneratedRegex(@"(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)[^/\s@?#]+@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"[^\s/@]+@")]
    private static partial Regex LooseUserInfo();

    [GeneratedRegex(@"(?<=[?&;])(?<name>[\w.\-]*(?:token|key|secret|password|passwd|pwd|auth|signature|sig|otp|code)[\w.\-]*)=[^&\s#""'<>]*",
        RegexOptions.IgnoreCase)]
    private static partial Regex CredentialParameter();

    [GeneratedRegex(@"(?<=[?&;])(?<name>[^=&\s#?]+)=[^&\s#""'<>]*")]
    private static partial Regex AnyQueryValue();
}
