using System.Globalization;
using CartonaActors.Domain.Secrets;
using CartonaActors.Engine.Configuration;
using CartonaActors.Marketplaces;
using CartonaActors.Service.Logging;

namespace CartonaActors.Service.Dashboard;

/// <summary>One line of the configuration page. <see cref="Secret"/> lines carry only whether the secret is set.</summary>
public sealed record SettingLine(string Name, string Value, bool Secret = false);

/// <summary>One connection as the configuration page shows it.</summary>
public sealed record ConnectionView(string Name, string Platform, bool Enabled, string BaseUrl,
    IReadOnlyList<SettingLine> Limits, IReadOnlyList<SettingLine> Rules, IReadOnlyList<SettingLine> Credentials);

/// <summary>
/// The configuration as it may be shown: every value that is not a secret, and for each secret only whether it
/// is set. A secret's value is never read into this model, and every other value still passes the configured
/// secrets' scrubber, so a token pasted into a URL or a platform setting is masked there too.
/// </summary>
public sealed class ConfigurationView(CartonaActorsOptions options, IReadOnlyList<PlatformConnection> opened)
{
    public const string Masked = "set (hidden)";
    public const string NotSet = "not set";

    private readonly SecretScrubber _scrubber = ConfiguredSecrets.Scrubber(options);

    public IReadOnlyList<ConnectionView> Connections() => options.Connections.Select(c =>
    {
        var open = opened.FirstOrDefault(o => o.Name == c.Name);
        return new ConnectionView(c.Name, c.Platform, c.Enabled, Url(c.BaseUrl), Limits(c, open?.Limits), Rules(c),
            [Secret("Token", c.Token), .. PlatformSettings(c)]);
    }).ToList();

    public IReadOnlyList<SettingLine> Odoo() =>
    [
        Line("URL", Url(options.Odoo.Url)), Line("Database", options.Odoo.Database), Line("Login", options.Odoo.Login),
        Secret("API key", options.Odoo.ApiKey), Line("Call timeout", options.Odoo.Timeout),
        Line("Calls at once", options.Odoo.MaxConcurrentCalls), Line("Page size", options.Odoo.PageSize),
        Line("Unlimited-stock field", options.Odoo.UnlimitedStockField),
        Line("Polled models", string.Join(", ", options.ErpSync.PolledModels)), Line("Poll interval", options.ErpSync.PollInterval),
        Line("Poll overlap", options.ErpSync.PollOverlap), Line("Webhook collect window", options.ErpSync.CollectWindow),
        Line("Webhook settle delay", options.ErpSync.SettleDelay), Secret("Webhook secret", options.ErpSync.WebhookSecret),
    ];

    public IReadOnlyList<SettingLine> Service() =>
    [
        Secret("Admin token", options.Admin.Token), Line("Journal", options.Persistence.Provider),
        Line("Debounce quiet window", options.Sync.DebounceQuietWindow), Line("Debounce maximum delay", options.Sync.DebounceMaxDelay),
        Line("Resend after", options.Sync.ResendAfter), Line("Retry backoff", $"{options.Sync.RetryMinBackoff} .. {options.Sync.RetryMaxBackoff}"),
        Line("Push slices per connection", options.Sync.PushSlices), Line("Delivered stage", options.Orders.DeliveredStage),
        Line("Held order recheck", options.Orders.HeldRecheck),
    ];

    /// <summary>The URL to enter in Odoo's webhook action, with the secret's place marked: whoever configures Odoo
    /// fills in CartonaActors:ErpSync:WebhookSecret.</summary>
    public static string WebhookUrl(string serviceRoot) => $"{serviceRoot.TrimEnd('/')}/webhooks/odoo?token=<webhook secret>";

    /// <summary>Text from elsewhere (a poller's last error) made safe to show.</summary>
    public string Safe(string? text) => _scrubber.Scrub(text);

    private IReadOnlyList<SettingLine> Limits(ConnectionSettings c, PlatformLimits? effective) =>
    [
        Line("Largest bulk call", effective?.MaxBatchSize ?? c.MaxBatchSize),
        Line("Pacing", effective is null ? $"{c.RequestsPerSecond?.ToString(CultureInfo.InvariantCulture) ?? "platform default"} requests/s" : Pacing(effective.Pacing)),
        Line("Requests per second (configured)", c.RequestsPerSecond), Line("Burst (configured)", c.Burst),
        Line("Calls in flight", effective?.MaxConcurrentRequests ?? c.MaxConcurrentRequests), Line("Call timeout", c.Timeout),
        Line("Order pull interval", c.OrderPullInterval), Line("Read-back interval", c.ReadBackInterval),
    ];

    private IReadOnlyList<SettingLine> Rules(ConnectionSettings c) =>
    [
        Line("Warehouses", c.Warehouses.Count == 0 ? "all" : string.Join(", ", c.Warehouses)),
        Line("Location by warehouse", string.Join(", ", c.LocationByWarehouse.Select(kv => $"{kv.Key} → {kv.Value}"))),
        Line("List ERP variants", c.ListErpVariants), Line("Listing key", c.ListingSource),
        Line("Listing field", c.ListingField), Line("Opt-in field", c.OptInField),
        Line("Price markup %", c.PriceMarkupPercent), Line("Price decimals", c.PriceDecimals), Line("Minimum price", c.MinimumPrice),
        Line("Stock safety buffer", c.StockSafetyBuffer), Line("Stock shown at most", c.StockMaximumShown), Line("Stock zero below", c.StockZeroBelow),
        Line("Pull orders", c.PullOrders), Line("Order warehouse id", c.OrderWarehouseId),
        Line("First order lookback", c.OrderFirstLookback), Line("Order cursor overlap", c.OrderCursorOverlap),
    ];

    private IEnumerable<SettingLine> PlatformSettings(ConnectionSettings c) =>
        c.Settings.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(s =>
            ConfiguredSecrets.IsSecretSetting(s.Key) ? Secret($"Settings:{s.Key}", s.Value) : Line($"Settings:{s.Key}", s.Value));

    private static string Pacing(PacingModel pacing) => pacing switch
    {
        PacingModel.RequestRate r => $"{r.PerSecond.ToString(CultureInfo.InvariantCulture)} requests/s, burst {r.Burst}",
        PacingModel.CostBucket b => $"cost bucket of {b.Capacity} points, {b.PointsPerSecond.ToString(CultureInfo.InvariantCulture)} points/s",
        PacingModel.QuotaWindow q => $"{q.Calls} calls per {q.Window}",
        _ => pacing.GetType().Name,
    };

    private static SettingLine Secret(string name, string? value) => new(name, Display(value), Secret: true);

    private static string Display(string? secret) => string.IsNullOrWhiteSpace(secret) ? NotSet : Masked;

    private string Url(string? url) => _scrubber.Scrub(SecretScrubber.SafeUrl(url));

    private SettingLine Line(string name, object? value) => new(name, value switch
    {
        null => "—",
        string s when s.Length == 0 => "—",
        bool b => b ? "yes" : "no",
        IFormattable f => _scrubber.Scrub(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => _scrubber.Scrub(value.ToString()),
    });
}
