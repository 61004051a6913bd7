using CartonaActors.Sandbox.Hosting;
using CartonaActors.Sandbox.Shopify.Api;
using CartonaActors.Sandbox.Shopify.Auth;
using CartonaActors.Sandbox.Shopify.Schema;
using CartonaActors.Sandbox.Shopify.State;
using CartonaActors.Sandbox.Shopify.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace CartonaActors.Sandbox.Shopify;

/// <summary>
/// A Shopify shop's Admin GraphQL API over real HTTP on loopback: access tokens (offline and expiring, with
/// rotating refresh), the calculated query cost and leaky bucket with <c>extensions.cost</c> and THROTTLED,
/// inventory set with compare-and-swap and <c>@idempotent</c> replay, variant price bulk updates, orders paged by
/// opaque cursors, fulfilment, asynchronous cancel, signed order webhooks, and scripted faults. It is built from
/// Shopify's documented contract alone and shares no code with our Shopify client, so it judges that client.
/// </summary>
public sealed class ShopifyEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ShopifyCallLog _log;
    private readonly TokenStore _tokens;
    private readonly WebhookSender _webhooks;
    private int _disposed;

    private ShopifyEmulator(WebApplication app, ShopifyEmulatorOptions options, ShopState shop, ShopifyFaults faults, ShopifyCounters counters,
        ShopifyCallLog log, TokenStore tokens, WebhookSender webhooks, string baseUrl)
    {
        _app = app;
        Options = options;
        Catalog = new ShopifyCatalog(shop);
        Orders = new ShopifyOrderBook(shop);
        Faults = faults;
        Counters = counters;
        _log = log;
        _tokens = tokens;
        _webhooks = webhooks;
        BaseUrl = baseUrl;
    }

    /// <summary>The shop root with a trailing slash; the API is under <c>admin/</c>.</summary>
    public string BaseUrl { get; }

    public string GraphQLUrl => BaseUrl + $"admin/api/{Options.ApiVersion}/graphql.json";

    public string TokenUrl => BaseUrl + "admin/oauth/access_token";

    public ShopifyEmulatorOptions Options { get; }
    public ShopifyCatalog Catalog { get; }
    public ShopifyOrderBook Orders { get; }
    public ShopifyFaults Faults { get; }
    public ShopifyCounters Counters { get; }

    /// <summary>Every answered (or dropped) request, oldest first (a snapshot).</summary>
    public IReadOnlyList<ShopifyRecordedCall> Calls => _log.Snapshot();

    /// <summary>Every webhook delivery attempt, oldest first (a snapshot).</summary>
    public IReadOnlyList<ShopifyWebhookDelivery> Webhooks => _webhooks.Attempts;

    /// <summary>An expiring access token and its refresh token, as an app install or token exchange would give.</summary>
    public (string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt) IssueExpiringToken() => _tokens.Issue();

    /// <summary>Completes when no webhook is queued or being delivered.</summary>
    public Task WebhooksDeliveredAsync(CancellationToken ct = default) => _webhooks.DeliveredAsync(ct);

    public void ClearCalls() => _log.Clear();

    public static Task<ShopifyEmulator> StartAsync(ShopifyEmulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, loggerFactory: null, ct);

    public static async Task<ShopifyEmulator> StartAsync(ShopifyEmulatorOptions options, ILoggerFactory? loggerFactory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var app = LoopbackHost.Build(typeof(ShopifyEmulator), options.Port, loggerFactory);
        var shop = new ShopState(options.Clock);
        var faults = new ShopifyFaults();
        var counters = new ShopifyCounters();
        var log = new ShopifyCallLog();
        var tokens = new TokenStore(options);
        var webhooks = new WebhookSender(options, counters);
        shop.OrderEvent = (topic, order) => webhooks.Enqueue(topic, OrderWebhookJson.Write(order));
        var graphql = new GraphQLEndpoint(options, shop, new ShopifySchema(options.ShopName), new CostBucket(options), new IdempotencyLedger(),
            faults, counters);
        var handler = new ShopifyRequestHandler(options, shop, tokens, graphql, faults, counters, log);
        app.Run(handler.HandleAsync);
        string address;
        try
        {
            address = await LoopbackHost.StartAsync(app, ct);
        }
        catch
        {
            await webhooks.DisposeAsync();
            throw;
        }
        return new ShopifyEmulator(app, options, shop, faults, counters, log, tokens, webhooks, address + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _webhooks.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
