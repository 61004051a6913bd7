using CartonaActors.Domain.Secrets;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Sync;
using CartonaActors.Domain.Products;
using Flurl.Http;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>
/// Cartona's supplier-integrations API for one connection (one token): price and stock pushes and the order
/// calls. Every method makes at most one HTTP call and never retries; push and order failures are classified,
/// not thrown. The token is sent in
/// <see cref="CartonaSettings.AuthHeader"/> and kept out of every message this class produces.
/// </summary>
public sealed class CartonaClient : IMarketplaceClient, IMarketplaceOrders, IDisposable
{
    private const string UserAgent = "CartonaActors/1.0";

    private readonly FlurlClient _http;
    private readonly TimeSpan _timeout;
    private readonly SecretScrubber _scrubber;
    private readonly PushResponseClassifier _classifier;
    private readonly OrderResponseClassifier _orderClassifier;

    public CartonaClient(ConnectionSettings settings) : this(settings, ConnectionChecks.Bind<CartonaSettings>(settings)) { }

    public CartonaClient(ConnectionSettings settings, TimeProvider clock) : this(settings, ConnectionChecks.Bind<CartonaSettings>(settings), clock) { }

    /// <param name="clock">Turns an HTTP-date Retry-After into a wait (default: the system clock).</param>
    public CartonaClient(ConnectionSettings settings, CartonaSettings own, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(own);
        clock ??= TimeProvider.System;
        _timeout = settings.Timeout;
        _scrubber = SecretScrubber.For(settings.BaseUrl, settings.Token);
        _classifier = new PushResponseClassifier(_scrubber, clock);
        _orderClassifier = new OrderResponseClassifier(_scrubber, clock);
        _http = new FlurlClient(NormaliseBaseUrl(settings.BaseUrl));
        _http.Settings.Timeout = settings.Timeout;
        // Classification needs every status; Flurl would otherwise throw on non-2xx.
        _http.Settings.AllowedHttpStatusRange = "*";
        _http.WithHeader(own.AuthHeader, AuthHeaderValue(own.AuthHeader, settings.Token))
            .WithHeader("User-Agent", UserAgent)
            .WithHeader("Accept", "application/json");
    }

    /// <inheritdoc />
    /// <remarks>An empty batch makes no call and is trivially delivered.</remarks>
    public async Task<CallOutcome> PushAsync(IReadOnlyList<PushItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return new CallOutcome.Accepted([], Verified: true);

        using var content = new StringContent(BulkUpdatePayload.Build(items), Encoding.UTF8, "application/json");
        var answer = await SendAsync(
            ct => _http.Request("supplier-product", "bulk-update").PostAsync(content, cancellationToken: ct),
            cancellationToken);
        return answer.Failure is { } failure
            ? new CallOutcome.TransientFailure(failure)
            : _classifier.Classify(answer.Status, answer.Body, answer.RetryAfter, items);
    }

    /// <inheritdoc />
    public async Task<ConnectionCheck> TestConnectionAsync(CancellationToken cancellationToken)
    {
        var answer = await SendAsync(ct => ListRequest(1, 1).GetAsync(cancellationToken: ct), cancellationToken);
        if (answer.Failure is { } failure) return new ConnectionCheck(false, failure);
        return answer.Status == 200
            ? new ConnectionCheck(true, "connected")
            : new ConnectionCheck(false, $"HTTP {answer.Status}: {_scrubber.Excerpt(answer.Body)}");
    }

    /// <summary>
    /// One page of the supplier's products, to read back what pushes left on Cartona. Not on the push path,
    /// so failures throw <see cref="CartonaApiException"/>.
    /// </summary>
    public async Task<IReadOnlyList<CartonaSupplierProduct>> ListSupplierProductsAsync(
        int page, int perPage, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        var answer = await SendAsync(ct => ListRequest(page, perPage).GetAsync(cancellationToken: ct), cancellationToken);
        if (answer.Failure is { } failure) throw new CartonaApiException($"Listing Cartona supplier products failed: {failure}");
        if (answer.Status != 200)
            throw new CartonaApiException(
                $"Listing Cartona supplier products failed: HTTP {answer.Status}: {_scrubber.Excerpt(answer.Body)}", answer.Status);
        return SupplierProductListReader.Read(answer.Body, _scrubber);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A 2xx whose body is not a JSON array is a transient failure (a proxy page, a crash mid-write): nothing
    /// can be acknowledged from it. Inside an array, each order is read on its own.
    /// </remarks>
    public async Task<(CallOutcome Outcome, OrderPage? Page)> PullOrdersAsync(OrderPageRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (page, perPage) = (request.Page, request.PerPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        var answer = await SendAsync(
            c => _http.Request("order", "pull-orders")
                .SetQueryParam("page", page.ToString(CultureInfo.InvariantCulture))
                .SetQueryParam("per_page", perPage.ToString(CultureInfo.InvariantCulture))
                .GetAsync(cancellationToken: c),
            ct);
        if (answer.Failure is { } failure) return (new CallOutcome.TransientFailure(failure), null);
        if (answer.Status is < 200 or >= 300)
            return (_orderClassifier.Classify(answer.Status, answer.Body, answer.RetryAfter), null);
        return OrderListReader.Read(answer.Body, _scrubber) is { } pulled
            ? (CallOutcome.Success, pulled)
            : (new CallOutcome.TransientFailure(
                $"pull-orders answer (HTTP {answer.Status}) is not a JSON array: {_scrubber.Excerpt(answer.Body)}"), null);
    }

    /// <summary>Orders per bulk acknowledgement: Cartona documents no maximum; one pull page's worth.</summary>
    public const int MaxAcknowledgementsPerCall = 100;

    /// <inheritdoc />
    /// <remarks>Cartona's acknowledgement is the status <c>synced</c>, sent for many orders at once on the bulk
    /// <c>order/update-order-status</c> (an array). The bulk endpoint reports no per-order failure, which is
    /// harmless here: an order it did not acknowledge stays queued and is acknowledged on a later pull. Status
    /// changes keep the single-order endpoint, which does report them.</remarks>
    public async Task<CallOutcome> AcknowledgeAsync(IReadOnlyList<string> hashedIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hashedIds);
        if (hashedIds.Count == 0) return CallOutcome.Success;
        if (hashedIds.Count > MaxAcknowledgementsPerCall)
            throw new ArgumentException($"at most {MaxAcknowledgementsPerCall} orders per acknowledgement, not {hashedIds.Count}", nameof(hashedIds));
        foreach (var id in hashedIds) ArgumentException.ThrowIfNullOrWhiteSpace(id, nameof(hashedIds));
        using var content = new StringContent(OrderPayloads.Acknowledgements(hashedIds), Encoding.UTF8, "application/json");
        return await SendOrderCallAsync(
            c => _http.Request("order", "update-order-status").PostAsync(content, cancellationToken: c), ct);
    }

    /// <inheritdoc />
    public async Task<CallOutcome> UpdateOrderStatusAsync(string hashedId, OrderStatusUpdate update, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hashedId);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentException.ThrowIfNullOrWhiteSpace(update.Status, nameof(update));
        using var content = new StringContent(OrderPayloads.Status(hashedId, update), Encoding.UTF8, "application/json");
        return await SendOrderCallAsync(
            c => _http.Request("order", "update-order-status").AppendPathSegment(hashedId, fullyEncode: true)
                .PostAsync(content, cancellationToken: c),
            ct);
    }

    /// <inheritdoc />
    /// <remarks>No changes make no call and are trivially Ok. A change that names neither a detail id nor, to
    /// add a detail, an internal_product_id throws <see cref="ArgumentException"/> before any call.</remarks>
    public async Task<CallOutcome> UpdateOrderLinesAsync(string hashedId, IReadOnlyList<OrderLineChange> changes, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hashedId);
        ArgumentNullException.ThrowIfNull(changes);
        for (var i = 0; i < changes.Count; i++)
            if (OrderPayloads.Problem(changes[i]) is { } problem)
                throw new ArgumentException($"Order detail change {i} for order {hashedId}: {problem}.", nameof(changes));
        if (changes.Count == 0) return CallOutcome.Success;
        using var content = new StringContent(OrderPayloads.Details(hashedId, changes), Encoding.UTF8, "application/json");
        return await SendOrderCallAsync(
            c => _http.Request("order", "update-order-details").PostAsync(content, cancellationToken: c), ct);
    }

    public void Dispose() => _http.Dispose();

    private async Task<CallOutcome> SendOrderCallAsync(Func<CancellationToken, Task<IFlurlResponse>> call, CancellationToken ct)
    {
        var answer = await SendAsync(call, ct);
        return answer.Failure is { } failure
            ? new CallOutcome.TransientFailure(failure)
            : _orderClassifier.Classify(answer.Status, answer.Body, answer.RetryAfter);
    }

    private IFlurlRequest ListRequest(int page, int perPage) =>
        _http.Request("supplier-product")
            .SetQueryParam("page", page.ToString(CultureInfo.InvariantCulture))
            .SetQueryParam("per_page", perPage.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Makes the one call and reads its answer, turning transport failures into a safe message. The caller's
    /// cancellation is the only thing that escapes, as <see cref="OperationCanceledException"/>.
    /// </summary>
    private async Task<Answer> SendAsync(Func<CancellationToken, Task<IFlurlResponse>> call, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await call(cancellationToken);
            var body = await response.GetStringAsync();
            return new Answer(response.StatusCode, body ?? "", response.ResponseMessage.Headers.RetryAfter, Failure: null);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw; // unreachable: ThrowIfCancellationRequested always throws here
        }
        catch (FlurlHttpTimeoutException)
        {
            return Failed($"timed out after {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (FlurlHttpException ex)
        {
            return Failed($"connection failed: {_scrubber.Excerpt(ex.InnerException?.Message ?? ex.Message)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return Failed($"connection failed: {_scrubber.Excerpt(ex.Message)}");
        }
    }

    private static Answer Failed(string reason) => new(0, "", null, reason);

    private static string NormaliseBaseUrl(string baseUrl) => baseUrl.TrimEnd('/') + "/";

    // Cartona takes the raw token in its own header; a plain Authorization header needs the Bearer scheme.
    private static string AuthHeaderValue(string header, string token) =>
        string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase) ? $"Bearer {token}" : token;

    private sealed record Answer(int Status, string Body, RetryConditionHeaderValue? RetryAfter, string? Failure);
}
