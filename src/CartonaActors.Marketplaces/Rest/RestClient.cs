using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Secrets;
using CartonaActors.Domain.Sync;
using Flurl.Http;

namespace CartonaActors.Marketplaces.Rest;

/// <summary>
/// The generic REST marketplace for one connection: <c>Authorization: Bearer</c>, price and inventory batches
/// with per-item results and a content-derived <c>Idempotency-Key</c>, the "updated since" order feed, and order
/// status updates. Never retries; every failure is classified, never thrown; the token is kept out of every message.
/// </summary>
public sealed class RestClient : IMarketplaceClient, IMarketplaceOrders, IDisposable
{
    private readonly FlurlClient _http;
    private readonly RestSettings _own;
    private readonly string _customerPrefix;
    private readonly TimeSpan _timeout;
    private readonly SecretScrubber _scrubber;
    private readonly RestResponses _responses;

    /// <param name="clock">Turns an HTTP-date Retry-After into a wait (default: the system clock).</param>
    public RestClient(ConnectionSettings settings, RestSettings own, string customerPrefix, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(own);
        clock ??= TimeProvider.System;
        _own = own;
        _customerPrefix = customerPrefix;
        _timeout = settings.Timeout;
        _scrubber = SecretScrubber.For(settings.BaseUrl, settings.Token);
        _responses = new RestResponses(_scrubber, clock);
        _http = new FlurlClient(settings.BaseUrl.TrimEnd('/') + "/");
        _http.Settings.Timeout = settings.Timeout;
        _http.Settings.AllowedHttpStatusRange = "*";
        _http.WithHeader("Authorization", "Bearer " + settings.Token)
            .WithHeader("User-Agent", "CartonaActors/1.0")
            .WithHeader("Accept", "application/json");
    }

    /// <inheritdoc />
    /// <remarks>Prices first, then stock; a failure of either fails the push, and the retry replays the call that
    /// had already applied (same body, same key). Item rejections of both calls are merged by item.</remarks>
    public async Task<CallOutcome> PushAsync(IReadOnlyList<PushItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return CallOutcome.Success;
        var rejected = new Dictionary<int, List<string>>();
        var verified = true;
        var (priceBody, priceRows) = RestPayloads.Prices(items, _own.Currency);
        var (stockBody, stockRows) = RestPayloads.Inventory(items, _own.UnlimitedQuantity);
        foreach (var (path, body, rowItems) in new[]
                 {
                     (_own.PricesPath, priceBody, priceRows.Select(r => r.Item).ToList()),
                     (_own.InventoryPath, stockBody, stockRows.Select(r => r.Item).ToList()),
                 })
        {
            if (rowItems.Count == 0) continue;
            var answer = await SendWriteAsync(path, body, ct);
            if (answer.Failure is { } failure) return new CallOutcome.TransientFailure(failure);
            if (answer.Status is < 200 or >= 300) return _responses.PushFailure(answer.Status, answer.Body, answer.RetryAfter);
            if (_responses.RowErrors(answer.Body, rowItems.Count) is not { } errors)
            {
                verified = false;
                continue;
            }
            foreach (var (row, reason) in errors)
            {
                if (!rejected.TryGetValue(rowItems[row], out var reasons)) rejected[rowItems[row]] = reasons = [];
                if (!reasons.Contains(reason)) reasons.Add(reason);
            }
        }
        return new CallOutcome.Accepted(rejected.Select(kv => new ItemRejection(kv.Key, string.Join("; ", kv.Value))).ToList(), verified);
    }

    /// <inheritdoc />
    public async Task<ConnectionCheck> TestConnectionAsync(CancellationToken ct)
    {
        var answer = await SendAsync(c => _http.Request(_own.OrdersPath).SetQueryParam("limit", "1").GetAsync(cancellationToken: c), ct);
        if (answer.Failure is { } failure) return new ConnectionCheck(false, failure);
        return answer.Status == 200 ? new ConnectionCheck(true, "connected") : new ConnectionCheck(false, $"HTTP {answer.Status}: {_scrubber.Excerpt(answer.Body)}");
    }

    /// <inheritdoc />
    public async Task<(CallOutcome Outcome, OrderPage? Page)> PullOrdersAsync(OrderPageRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = await SendAsync(c =>
        {
            var r = _http.Request(_own.OrdersPath).SetQueryParam("limit", Math.Clamp(request.PerPage, 1, 100).ToString(CultureInfo.InvariantCulture));
            if (request.Cursor is { } cursor) r.SetQueryParam("cursor", cursor);
            else if (request.UpdatedSince is { } since) r.SetQueryParam("updated_since", since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            return r.GetAsync(cancellationToken: c);
        }, ct);
        if (answer.Failure is { } failure) return (new CallOutcome.TransientFailure(failure), null);
        if (answer.Status is < 200 or >= 300) return (_responses.Failure(answer.Status, answer.Body, answer.RetryAfter), null);
        return RestOrderReader.Read(answer.Body, _scrubber, _customerPrefix) is { } page
            ? (CallOutcome.Success, page)
            : (new CallOutcome.TransientFailure($"orders answer (HTTP {answer.Status}) is not a page of orders: {_scrubber.Excerpt(answer.Body)}"), null);
    }

    /// <inheritdoc />
    /// <remarks>A cursor source has nothing to acknowledge.</remarks>
    public Task<CallOutcome> AcknowledgeAsync(IReadOnlyList<string> orderIds, CancellationToken ct) => Task.FromResult(CallOutcome.Success);

    /// <inheritdoc />
    public async Task<CallOutcome> UpdateOrderStatusAsync(string orderId, OrderStatusUpdate update, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentNullException.ThrowIfNull(update);
        var path = _own.OrderStatusPath.Replace("{id}", Uri.EscapeDataString(orderId), StringComparison.Ordinal);
        var answer = await SendWriteAsync(path, RestPayloads.Status(update), ct);
        if (answer.Failure is { } failure) return new CallOutcome.TransientFailure(failure);
        return answer.Status is >= 200 and < 300 ? CallOutcome.Success : _responses.Failure(answer.Status, answer.Body, answer.RetryAfter);
    }

    /// <inheritdoc />
    public Task<CallOutcome> UpdateOrderLinesAsync(string orderId, IReadOnlyList<OrderLineChange> changes, CancellationToken ct) =>
        Task.FromResult<CallOutcome>(new CallOutcome.Refused(0, "the generic REST contract has no line edits"));

    public void Dispose() => _http.Dispose();

    private Task<Answer> SendWriteAsync(string path, string body, CancellationToken ct) =>
        SendAsync(c =>
        {
            // A fresh content per attempt: Flurl disposes it after sending.
            var content = new StringContent(body, Encoding.UTF8, "application/json");
            return _http.Request(path).WithHeader("Idempotency-Key", RestPayloads.IdempotencyKey(path, body)).PostAsync(content, cancellationToken: c);
        }, ct);

    private async Task<Answer> SendAsync(Func<CancellationToken, Task<IFlurlResponse>> call, CancellationToken ct)
    {
        try
        {
            using var response = await call(ct);
            var body = await response.GetStringAsync();
            return new Answer(response.StatusCode, body ?? "", response.ResponseMessage.Headers.RetryAfter, null);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            ct.ThrowIfCancellationRequested();
            throw;
        }
        catch (FlurlHttpTimeoutException)
        {
            return new Answer(0, "", null, $"timed out after {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (FlurlHttpException ex)
        {
            return new Answer(0, "", null, $"connection failed: {_scrubber.Excerpt(ex.InnerException?.Message ?? ex.Message)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return new Answer(0, "", null, $"connection failed: {_scrubber.Excerpt(ex.Message)}");
        }
    }

    private sealed record Answer(int Status, string Body, RetryConditionHeaderValue? RetryAfter, string? Failure);
}
