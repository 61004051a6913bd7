using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;
using Flurl.Http;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>
/// Cartona's supplier-integrations API for one connection (one token). Every method makes exactly one HTTP
/// call and never retries; push failures are classified, not thrown. The token is sent in
/// <see cref="ConnectionSettings.AuthHeader"/> and kept out of every message this class produces.
/// </summary>
public sealed class CartonaClient : IMarketplaceClient, IDisposable
{
    private const string UserAgent = "CartonaActors/1.0";

    private readonly FlurlClient _http;
    private readonly TimeSpan _timeout;
    private readonly SecretScrubber _scrubber;
    private readonly PushResponseClassifier _classifier;

    public CartonaClient(ConnectionSettings settings) : this(settings, TimeProvider.System) { }

    /// <param name="clock">Turns an HTTP-date Retry-After into a wait.</param>
    public CartonaClient(ConnectionSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        MaxBatchSize = settings.MaxBatchSize;
        _timeout = settings.Timeout;
        _scrubber = new SecretScrubber(settings.Token);
        _classifier = new PushResponseClassifier(_scrubber, clock);
        _http = new FlurlClient(NormaliseBaseUrl(settings.BaseUrl));
        _http.Settings.Timeout = settings.Timeout;
        // Classification needs every status; Flurl would otherwise throw on non-2xx.
        _http.Settings.AllowedHttpStatusRange = "*";
        _http.WithHeader(settings.AuthHeader, AuthHeaderValue(settings))
            .WithHeader("User-Agent", UserAgent)
            .WithHeader("Accept", "application/json");
    }

    /// <inheritdoc />
    public int MaxBatchSize { get; }

    /// <inheritdoc />
    /// <remarks>An empty batch makes no call and is trivially delivered.</remarks>
    public async Task<PushOutcome> PushAsync(IReadOnlyList<PushItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return new PushOutcome.Delivered([], Verified: true);

        using var content = new StringContent(BulkUpdatePayload.Build(items), Encoding.UTF8, "application/json");
        var answer = await SendAsync(
            ct => _http.Request("supplier-product", "bulk-update").PostAsync(content, cancellationToken: ct),
            cancellationToken);
        return answer.Failure is { } failure
            ? new PushOutcome.TransientFailure(failure)
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

    public void Dispose() => _http.Dispose();

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
    private static string AuthHeaderValue(ConnectionSettings settings) =>
        string.Equals(settings.AuthHeader, "Authorization", StringComparison.OrdinalIgnoreCase)
            ? $"Bearer {settings.Token}"
            : settings.Token;

    private sealed record Answer(int Status, string Body, RetryConditionHeaderValue? RetryAfter, string? Failure);
}
