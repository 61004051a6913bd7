using System.Text.RegularExpressions;
using CartonaActors.Domain.Secrets;
using CartonaActors.Engine.Configuration;

namespace CartonaActors.Service.Logging;

/// <summary>Every secret the configuration holds, for the log's scrubber and the configuration page: whatever
/// writes a line or renders a value, none of them (nor a credential inside a configured URL) gets out.</summary>
public static partial class ConfiguredSecrets
{
    public static SecretScrubber Scrubber(CartonaActorsOptions options) => new(
    [
        options.Admin.Token, options.ErpSync.WebhookSecret, options.Odoo.ApiKey,
        .. SecretScrubber.SecretsOf(options.Odoo.Url),
        .. options.Connections.SelectMany(c => SecretScrubber.SecretsOf(c.BaseUrl).Prepend(c.Token)
            .Concat(c.Settings.Where(s => IsSecretSetting(s.Key)).Select(s => s.Value))),
    ]);

    /// <summary>
    /// Whether a platform setting (<c>Connections:N:Settings:Key</c>) holds a credential: a platform's client
    /// secret, refresh token, password or key. Fails closed: any key naming one is secret unless it only names
    /// where a credential is sent or kept (<c>TokenUrl</c>, <c>TokenFile</c>, <c>AuthHeader</c>).
    /// </summary>
    public static bool IsSecretSetting(string key) => CredentialName().IsMatch(key) && !LocationName().IsMatch(key);

    [GeneratedRegex("secret|token|password|passwd|pwd|key|credential|auth|signature|cert", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialName();

    [GeneratedRegex("(url|uri|file|path|header|headername)$", RegexOptions.IgnoreCase)]
    private static partial Regex LocationName();
}
