using CartonaActors.Domain.Secrets;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Flurl.Http;

namespace CartonaActors.Erp;

/// <summary>
/// Odoo's external API over JSON-RPC 2.0 (<c>POST &lt;Url&gt;/jsonrpc</c>): <c>common.authenticate</c> once, then
/// <c>object.execute_kw</c> with the API key as the password on every call, as Odoo re-checks it per call.
/// One HTTP call per method call, no retries: the caller decides, helped by <see cref="OdooException.IsTransient"/>.
/// </summary>
public sealed class OdooJsonRpcTransport : IOdooTransport, IDisposable
{
    private readonly OdooSettings _settings;
    private readonly FlurlClient _http;
    private readonly SecretScrubber _scrubber;
    private readonly OdooErrorClassifier _classifier;
    private readonly SemaphoreSlim _authGate = new(1, 1);
    // Thousands of order and product entities may want Odoo at once; Odoo has a few workers, and an unbounded
    // client opened one connection per waiting call (8,000 sockets for 5,000 orders in the import test).
    private readonly SemaphoreSlim _callGate;
    private long _nextId;
    private long _uid; // 0 = not authenticated yet (Odoo uids start at 1); a long is read atomically, a long? is not

    public OdooJsonRpcTransport(OdooSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Url)) throw new ArgumentException("OdooSettings.Url is required.", nameof(settings));
        _settings = settings;
        // The URL may carry credentials of its own (userinfo, a proxy token): masked wherever the HTTP stack echoes them.
        _scrubber = SecretScrubber.For(settings.Url, settings.ApiKey);
        _classifier = new OdooErrorClassifier(settings, _scrubber);
        _callGate = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrentCalls));
        _http = new FlurlClient(settings.Url.TrimEnd('/') + "/");
        _http.Settings.Timeout = settings.Timeout;
        // Odoo answers errors with HTTP 200; any other status is a proxy or server failure we classify ourselves.
        _http.Settings.AllowedHttpStatusRange = "*";
    }

    /// <inheritdoc />
    /// <remarks>Concurrent first callers share one <c>authenticate</c> call; a refusal is not cached.</remarks>
    public async Task<long> AuthenticateAsync(CancellationToken ct)
    {
        var cached = Interlocked.Read(ref _uid);
        if (cached != 0) return cached;
        await _authGate.WaitAsync(ct);
        try
        {
            var raced = Interlocked.Read(ref _uid);
            if (raced != 0) return raced;
            var result = await CallAsync("common", "authenticate",
                [_settings.Database, _settings.Login, _settings.ApiKey, new Dictionary<string, object?>()], "authenticate", ct);
            if (result.ValueKind != JsonValueKind.Number || !result.TryGetInt64(out var uid) || uid <= 0)
                throw new OdooAuthenticationException(_scrubber.Scrub(
                    $"Odoo refused login '{_settings.Login}' on database '{_settings.Database}' at {Url}: " +
                    "check the API key, that the user is active and that the database name is right."));
            Interlocked.Exchange(ref _uid, uid);
            return uid;
        }
        finally
        {
            _authGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<JsonElement> VersionAsync(CancellationToken ct)
    {
        await _callGate.WaitAsync(ct);
        try
        {
            return await CallAsync("common", "version", [], "version", ct);
        }
        finally
        {
            _callGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<JsonElement> ExecuteKwAsync(string model, string method, IReadOnlyList<object?> args,
        IReadOnlyDictionary<string, object?>? kwargs, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(args);
        var uid = await AuthenticateAsync(ct);
        await _callGate.WaitAsync(ct);
        try
        {
            return await CallAsync("object", "execute_kw",
                [_settings.Database, uid, _settings.ApiKey, model, method, args, kwargs ?? new Dictionary<string, object?>()],
                $"{model}.{method}", ct);
        }
        finally
        {
            _callGate.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _authGate.Dispose();
        _callGate.Dispose();
    }

    private async Task<JsonElement> CallAsync(string service, string method, IReadOnlyList<object?> args,
        string operation, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _nextId);
        var body = RequestBody(id, service, method, args);
        string text;
        int status;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.Request("jsonrpc").PostAsync(content, cancellationToken: ct);
            status = response.StatusCode;
            text = await response.GetStringAsync() ?? "";
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            ct.ThrowIfCancellationRequested();
            throw; // unreachable: ThrowIfCancellationRequested always throws here
        }
        catch (FlurlHttpTimeoutException ex)
        {
            throw new OdooServerException(
                $"Odoo {operation} at {Url} timed out after {_settings.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.",
                Detached(ex));
        }
        catch (Exception ex) when (ex is FlurlHttpException or HttpRequestException or IOException or OperationCanceledException)
        {
            throw new OdooServerException(
                $"Odoo {operation} at {Url} failed: {_scrubber.Excerpt(ex.InnerException?.Message ?? ex.Message)}", Detached(ex));
        }

        if (status is < 200 or > 299)
            throw new OdooServerException($"Odoo {operation} at {Url} answered HTTP {status}: {_scrubber.Excerpt(text)}");
        return ReadResult(text, operation);
    }

    private JsonElement ReadResult(string text, string operation)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            throw new OdooServerException($"Odoo {operation} at {Url} answered a body that is not JSON: {_scrubber.Excerpt(text)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error)) throw _classifier.Classify(error, operation);
                if (root.TryGetProperty("result", out var result)) return result.Clone();
            }
            throw new OdooServerException($"Odoo {operation} at {Url} answered without result or error: {_scrubber.Excerpt(text)}");
        }
    }

    private string Url => SecretScrubber.SafeUrl(_settings.Url);

    // The HTTP stack's exception may quote the request (and with it the key); keep only a scrubbed copy.
    private HttpRequestException Detached(Exception ex) =>
        new(_scrubber.Excerpt($"{ex.GetType().Name}: {ex.InnerException?.Message ?? ex.Message}", 500));

    private static string RequestBody(long id, string service, string method, IReadOnlyList<object?> args)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("method", "call");
            writer.WriteNumber("id", id);
            writer.WriteStartObject("params");
            writer.WriteString("service", service);
            writer.WriteString("method", method);
            writer.WritePropertyName("args");
            JsonSerializer.Serialize(writer, args);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
