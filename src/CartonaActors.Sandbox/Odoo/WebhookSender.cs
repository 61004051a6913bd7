using System.Text;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// Odoo 18's <c>_run_action_webhook</c> POST: JSON body, only a Content-Type header, a short timeout, and
/// "send and forget" — any failure is only logged (here: recorded), never raised into the transaction.
/// </summary>
internal sealed class WebhookSender(OdooEmulatorOptions options, TimeProvider clock) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = Timeout.InfiniteTimeSpan, // per-POST timeout below, read at send time so tests may change it
    };
    private readonly object _gate = new();
    private readonly List<OdooWebhookDelivery> _deliveries = [];

    public IReadOnlyList<OdooWebhookDelivery> Deliveries
    {
        get { lock (_gate) return _deliveries.ToArray(); }
    }

    public void Clear()
    {
        lock (_gate) _deliveries.Clear();
    }

    public async Task PostAsync(string model, long recordId, string url, string body, WebhookMode mode, CancellationToken ct)
    {
        int? status = null;
        string? error = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.WebhookTimeout);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            content.Headers.ContentType!.CharSet = null; // requests sends exactly "application/json"
            using var response = await _http.PostAsync(url, content, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"HTTP {status}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"timeout after {options.WebhookTimeout.TotalSeconds} s";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException)
        {
            error = ex.Message;
        }
        lock (_gate) _deliveries.Add(new OdooWebhookDelivery(clock.GetUtcNow(), model, recordId, url, body, status, error, mode));
    }

    public void Dispose() => _http.Dispose();
}
