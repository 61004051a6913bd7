using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// The emulator's pipeline for every request, in the platform's order: authenticate, rate-limit, apply a
/// scripted fault, then route. Every answered request is recorded.
/// </summary>
internal sealed class CartonaRequestHandler(
    CartonaEmulatorOptions options,
    IReadOnlySet<string> tokens,
    CartonaCatalog catalog,
    CartonaOrderBook orders,
    CartonaFaults faults,
    CallRecorder recorder,
    Action<IReadOnlyList<AppliedItem>> announce,
    TimeProvider clock,
    CancellationToken stopping)
{
    public const string ApiRoot = "/api/v1/";
    /// <summary>Status recorded for a request whose client hung up before it was answered (nginx's 499).</summary>
    public const int ClientClosedRequest = 499;
    private const string BulkUpdatePath = "supplier-product/bulk-update";
    private const string ListPath = "supplier-product";

    private readonly PerTokenRateLimiter _limiter = new(options, clock);
    private readonly BulkUpdateEndpoint _bulkUpdate = new(options, catalog, clock);
    private readonly SupplierProductListing _listing = new(catalog);
    private readonly OrderEndpoints _orders = new(options, orders);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        var relativePath = RelativePath(request.Path);
        int? itemCount = IsBulkUpdate(request, relativePath) ? BulkUpdateEndpoint.CountItems(body) : null;

        var result = await AnswerAsync(context, relativePath, body);
        // Recorded before the answer is written, so a caller that has its response can already see the call.
        recorder.Record(new RecordedCall(clock.GetUtcNow(), request.Method, request.Path.Value ?? "",
            request.QueryString.Value ?? "", result?.Status ?? ClientClosedRequest, itemCount,
            options.RecordRequestBodies && body.Length > 0 ? body : null));
        if (result is null) return; // the client went away while a fault held its request

        context.Response.StatusCode = result.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        announce(result.Applied);
        await context.Response.WriteAsync(result.Json, context.RequestAborted);
    }

    private async Task<EndpointResult?> AnswerAsync(HttpContext context, string? relativePath, string body)
    {
        var token = Authenticate(context.Request);
        if (token is null)
            return options.AuthFailureStatus == 400
                ? EndpointResult.Error(400, "invalid credentials")
                : EndpointResult.Error(options.AuthFailureStatus, "unauthorized");

        context.Response.Headers["RateLimit-Policy"] = _limiter.Policy();
        if (_limiter.TryAcquire(token) is { } wait) return RateLimited(context, WholeSeconds(wait));

        if (relativePath is not null && faults.Take(relativePath) is { } fault)
            return await ApplyFaultAsync(context, fault);

        var request = context.Request;
        if (IsBulkUpdate(request, relativePath)) return _bulkUpdate.Handle(body);
        if (HttpMethods.IsGet(request.Method) && relativePath?.TrimEnd('/') == ListPath) return _listing.Handle(request.Query);
        if (RouteOrders(token, request, relativePath, body) is { } orderResult) return orderResult;
        return EndpointResult.Error(404, "not found");
    }

    private EndpointResult? RouteOrders(string token, HttpRequest request, string? relativePath, string body)
    {
        var path = relativePath?.TrimEnd('/');
        if (path is null) return null;
        if (HttpMethods.IsGet(request.Method) && path == OrderEndpoints.PullPath) return _orders.Pull(token, request.Query);
        if (!HttpMethods.IsPost(request.Method)) return null;
        if (path == OrderEndpoints.DetailsPath) return _orders.UpdateDetails(token, body);
        if (path == OrderEndpoints.BulkStatusPath) return _orders.UpdateStatuses(token, body);
        if (path.StartsWith(OrderEndpoints.StatusPathPrefix, StringComparison.Ordinal)
            && path[OrderEndpoints.StatusPathPrefix.Length..] is { Length: > 0 } segment && !segment.Contains('/'))
            // The server leaves an escaped slash (%2F) escaped in the path; the id is the fully unescaped segment.
            return _orders.UpdateStatus(token, Uri.UnescapeDataString(segment), body);
        return null;
    }

    private async Task<EndpointResult?> ApplyFaultAsync(HttpContext context, CartonaFault fault)
    {
        switch (fault)
        {
            case CartonaFault.ServerError e:
                return EndpointResult.Error(e.Status, "server error");
            case CartonaFault.MalformedJson:
                return new EndpointResult(200, "{\"updated\": [not json");
            case CartonaFault.RateLimit r:
                return RateLimited(context, Math.Max(1, r.RetryAfterSeconds));
            case CartonaFault.RateLimitWithoutRetryAfter:
                return EndpointResult.Error(429, "rate_limited");
            case CartonaFault.Reset:
                context.Abort();
                return null;
            case CartonaFault.Timeout t:
                using (var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping))
                {
                    try
                    {
                        await Task.Delay(t.Hold, clock, held.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return null;
                    }
                }
                return EndpointResult.Error(504, "gateway timeout");
            default:
                throw new InvalidOperationException($"Unknown fault {fault}.");
        }
    }

    private static EndpointResult RateLimited(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return EndpointResult.Error(429, "rate_limited");
    }

    // Retry-After carries whole seconds; rounding down would invite a call that is refused again.
    private static int WholeSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    // Both the real header (raw token) and the proposal's Bearer form are accepted.
    private string? Authenticate(HttpRequest request)
    {
        var raw = request.Headers["AuthorizationToken"].ToString();
        if (raw.Length > 0 && tokens.Contains(raw)) return raw;
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization[bearer.Length..].Trim();
            if (tokens.Contains(token)) return token;
        }
        return null;
    }

    private static bool IsBulkUpdate(HttpRequest request, string? relativePath) =>
        HttpMethods.IsPost(request.Method) && relativePath?.TrimEnd('/') == BulkUpdatePath;

    private static string? RelativePath(PathString path)
    {
        var value = path.Value ?? "";
        return value.StartsWith(ApiRoot, StringComparison.OrdinalIgnoreCase) ? value[ApiRoot.Length..] : null;
    }
}
