using System.Security.Cryptography;
using System.Text;

namespace CartonaActors.Sandbox.Shopify.Webhooks;

/// <summary>One order event to deliver: the same webhook id and event id on every retry and duplicate.</summary>
internal sealed record WebhookEvent(string Topic, string WebhookId, string EventId, string Body, DateTimeOffset TriggeredAt);

/// <summary>
/// Delivers order webhooks in the background, signed as Shopify signs them (base64 HMAC-SHA256 of the raw body
/// keyed with the client secret). A non-2xx answer or a failure is retried with doubling delays; with
/// <see cref="ShopifyEmulatorOptions.DuplicateWebhooks"/> each event goes out twice, with
/// <see cref="ShopifyEmulatorOptions.ReorderWebhooks"/> events gathered over a short window go out newest
/// first. Every attempt is recorded.
/// </summary>
internal sealed class WebhookSender : IAsyncDisposable
{
    private readonly ShopifyEmulatorOptions _options;
    private readonly ShopifyCounters _counters;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly object _gate = new();
    private readonly List<WebhookEvent> _queue = [];
    private readonly List<ShopifyWebhookDelivery> _attempts = [];
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _outstanding;

    public WebhookSender(ShopifyEmulatorOptions options, ShopifyCounters counters)
    {
        _options = options;
        _counters = counters;
        _loop = Task.Run(RunAsync);
    }

    public IReadOnlyList<ShopifyWebhookDelivery> Attempts
    {
        get { lock (_gate) return _attempts.ToList(); }
    }

    public void Enqueue(string topic, string body)
    {
        if (_options.WebhookUrl is null) return;
        var evt = new WebhookEvent(topic, Guid.NewGuid().ToString(), Random.Shared.NextInt64(1, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
            body, _options.Clock.GetUtcNow());
        lock (_gate)
        {
            _queue.Add(evt);
            _outstanding++;
        }
        _signal.Release();
    }

    /// <summary>Completes once nothing is queued or being delivered.</summary>
    public async Task DeliveredAsync(CancellationToken ct)
    {
        while (Volatile.Read(ref _outstanding) > 0) await Task.Delay(10, ct);
    }

    private async Task RunAsync()
    {
        var ct = _stop.Token;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await _signal.WaitAsync(ct);
                if (_options.ReorderWebhooks) await Task.Delay(_options.WebhookReorderWindow, ct);
                List<WebhookEvent> batch;
                lock (_gate)
                {
                    batch = _options.ReorderWebhooks ? _queue.AsEnumerable().Reverse().ToList() : [_queue[0]];
                    if (_options.ReorderWebhooks) _queue.Clear();
                    else _queue.RemoveAt(0);
                }
                // Drain the semaphore for events taken together.
                for (var i = 1; i < batch.Count; i++) await _signal.WaitAsync(ct);
                foreach (var evt in batch)
                {
                    await DeliverAsync(evt, ct);
                    if (_options.DuplicateWebhooks) await DeliverAsync(evt, ct);
                    Interlocked.Decrement(ref _outstanding);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task DeliverAsync(WebhookEvent evt, CancellationToken ct)
    {
        var delay = _options.WebhookRetryDelay;
        for (var attempt = 1; attempt <= 1 + _options.WebhookRetries; attempt++)
        {
            int? status = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _options.WebhookUrl);
                request.Content = new StringContent(evt.Body, Encoding.UTF8, "application/json");
                var h = request.Headers;
                h.Add("X-Shopify-Topic", evt.Topic);
                h.Add("X-Shopify-Hmac-SHA256", Sign(evt.Body, _options.ClientSecret));
                h.Add("X-Shopify-Webhook-Id", evt.WebhookId);
                h.Add("X-Shopify-Event-Id", evt.EventId);
                h.Add("X-Shopify-Shop-Domain", _options.ShopDomain);
                h.Add("X-Shopify-API-Version", _options.ApiVersion);
                h.Add("X-Shopify-Triggered-At", evt.TriggeredAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                using var response = await _http.SendAsync(request, ct);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
            }
            lock (_gate) _attempts.Add(new ShopifyWebhookDelivery(DateTimeOffset.UtcNow, evt.Topic, evt.WebhookId, evt.Body, status) { Attempt = attempt });
            if (status is >= 200 and < 300)
            {
                _counters.WebhookSent();
                return;
            }
            if (attempt <= _options.WebhookRetries)
            {
                await Task.Delay(delay, ct);
                delay *= 2;
            }
        }
        _counters.WebhookFailed();
    }

    public static string Sign(string body, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _http.Dispose();
        _stop.Dispose();
        _signal.Dispose();
    }
}
