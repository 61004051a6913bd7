using CartonaActors.Domain.Secrets;
using CartonaActors.Engine.Configuration;

namespace CartonaActors.Service.Logging;

/// <summary>Every secret the configuration holds, for the log's scrubber: whatever writes a line, none of them
/// (nor a credential inside a configured URL) reaches a sink.</summary>
public static class ConfiguredSecrets
{
    public static SecretScrubber Scrubber(CartonaActorsOptions options) => new(
    [
        options.Admin.Token, options.ErpSync.WebhookSecret, options.Odoo.ApiKey,
        .. SecretScrubber.SecretsOf(options.Odoo.Url),
        .. options.Connections.SelectMany(c => SecretScrubber.SecretsOf(c.BaseUrl).Prepend(c.Token)),
    ]);
}
