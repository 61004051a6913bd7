using System.Text;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// The emulator's pipeline for every request, in the contract's order: authenticate, rate-limit, route,
/// check the Idempotency-Key of a write (replay, refuse, or claim it), apply a scripted fault, then do the work.
/// Every answered request is recorded and counted before its answer is written.
/// </summary>
internal sealed class RestRequestHandler(
    RestMarketplaceEmulatorOptions options,
    IReadOnlySet<string> tokens,
    RestCatalog catalog,
    RestOrderBook orders,
    RestFaults faults,
    RestCallLog log,
    RestEmulatorCounters counters,
    Action<IReadOnlyList<RestAppliedItem>> announce,
    TimeProvider clock,
    CancellationToken stopping)
{
    /// <summary>Status recorded for a request whose client hung up before it was answered (nginx's 499).</summary>
    public const int ClientClosedRequest = 499;

    private readonly RestRateLimiter _limiter = new(options, clock);
    private readonly IdempotencyStore _idempotency = new(options, clock);
    private readonly BatchEndpoint _batches = new(options, catalog, faults, counters, clock);
    private readonly OrderEndpoints _orders = new(orders);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.ToArray();
        var body = Encoding.UTF8.GetString(bytes);
        var path = RelativePath(request.Path);
        var route = RestRoute.Match(request.Method, path);
        string? rawKey = request.Headers.TryGetValue(IdempotencyKeyHeader.Name, out var keyValues) ? keyValues.ToString() : null;

        var result = await AnswerAsync(context, route, path, bytes, body, rawKey);
        var status = result?.Status ?? ClientClosedRequest;
        var replayed = result?.Replayed ?? false;
        // Recorded before the answer is written, so a caller that has its response can already see the call.
        counters.Answered(status, replayed);
        log.Record(new RestRecordedCall(clock.GetUtcNow(), request.Method, request.Path.Value ?? "",
            request.QueryString.Value ?? "", status, rawKey, replayed, route.IsBatch ? BatchRequest.CountItems(body) : null,
            options.RecordRequestBodies && body.Length > 0 ? body : null));
        if (result is null)
        {
            // The client went away, or the emulator is stopping, while a fault held the request. Drop the
            // connection: returning normally would send an empty 200 that a client could take for success.
            context.Abort();
            return;
        }

        context.Response.StatusCode = result.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        announce(result.Applied);
        await context.Response.WriteAsync(result.Json, Encoding.UTF8, context.RequestAborted);
    }

    private async Task<RestResult?> AnswerAsync(HttpContext context, RestRoute route, string path, byte[] bytes, string body, string? rawKey)
    {
        var headers = context.Response.Headers;
        var token = Authenticate(context.Request);
        if (token is null)
        {
            headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return RestResult.Error(401, "invalid_token");
        }

        var bucket = _limiter.TryAcquire(token);
        headers["RateLimit-Policy"] = _limiter.Policy();
        headers["RateLimit"] = RestRateLimiter.State(bucket);
        if (!bucket.Granted) return RateLimited(context, RestRateLimiter.RetryAfterSeconds(bucket));

        switch (route.Kind)
        {
            case RouteKind.NotFound:
                return RestResult.Error(404, "not_found");
            case RouteKind.MethodNotAllowed:
                headers.Allow = route.Allow;
                return RestResult.Error(405, "method_not_allowed");
        }
        if (!route.IsWrite) return (await RunAsync(context, route, path, body)).Answer;

        if (rawKey is null)
        {
            if (options.RequireIdempotencyKey) return RestResult.Error(400, "idempotency_key_required");
            return (await RunAsync(context, route, path, body)).Answer;
        }
        if (!IdempotencyKeyHeader.TryRead(rawKey, out var key))
            return RestResult.InvalidRequest($"Idempotency-Key must be a non-empty string of at most {IdempotencyKeyHeader.MaxLength} characters");

        var claim = _idempotency.Begin(token, key, IdempotencyStore.Fingerprint(context.Request.Method, path, bytes));
        switch (claim.Outcome)
        {
            case ClaimOutcome.Replay:
                headers["Idempotent-Replayed"] = "true";
                return new RestResult(claim.Status, claim.Json) { Replayed = true };
            case ClaimOutcome.Mismatch:
                return RestResult.Error(422, "idempotency_key_reused");
            case ClaimOutcome.InProgress:
                return RestResult.Error(409, "idempotency_key_in_progress");
        }

        var completed = false;
        try
        {
            var (answer, work) = await RunAsync(context, route, path, body);
            if (work is { IsSuccess: true })
            {
                _idempotency.Complete(token, key, work);
                completed = true;
            }
            return answer;
        }
        finally
        {
            if (!completed) _idempotency.Release(token, key);
        }
    }

    /// <summary>
    /// Applies the scripted fault, if any, and does the work. <c>Answer</c> is what the client gets (null: it
    /// went away); <c>Work</c> is what the endpoint really answered, null when it did not run — the two differ
    /// only for <see cref="RestFault.CommitThenFail"/>.
    /// </summary>
    private async Task<(RestResult? Answer, RestResult? Work)> RunAsync(HttpContext context, RestRoute route, string path, string body)
    {
        switch (faults.Take(path))
        {
            case null:
                var work = Dispatch(context.Request, route, body);
                return (work, work);
            case RestFault.ServerError e:
                return (RestResult.Error(e.Status, "server_error"), null);
            case RestFault.RateLimit r:
                var seconds = Math.Max(1, r.RetryAfterSeconds);
                context.Response.Headers["RateLimit"] = RestRateLimiter.State(new(false, 0, TimeSpan.FromSeconds(seconds)));
                return (RateLimited(context, seconds), null);
            case RestFault.RateLimitWithoutRetryAfter:
                context.Response.Headers.Remove("RateLimit");
                return (RestResult.Error(429, "rate_limited"), null);
            case RestFault.Delay d:
                if (!await HoldAsync(context, d.Hold)) return (null, null);
                var delayed = Dispatch(context.Request, route, body);
                return (delayed, delayed);
            case RestFault.Timeout t:
                if (!await HoldAsync(context, t.Hold ?? Timeout.InfiniteTimeSpan)) return (null, null);
                return (RestResult.Error(504, "gateway_timeout"), null);
            case RestFault.CommitThenFail c:
                var committed = Dispatch(context.Request, route, body);
                return (RestResult.Error(c.Status, "server_error") with { Applied = committed.Applied }, committed);
            case var other:
                throw new InvalidOperationException($"Unknown fault {other}.");
        }
    }

    private RestResult Dispatch(HttpRequest request, RestRoute route, string body) => route.Kind switch
    {
        RouteKind.Inventory => _batches.Inventory(body),
        RouteKind.Prices => _batches.Prices(body),
        RouteKind.OrderFeed => _orders.Feed(request.Query),
        RouteKind.OrderStatus => _orders.UpdateStatus(route.OrderId!, body),
        _ => RestResult.Error(404, "not_found"),
    };

    /// <summary>False when the client hung up or the emulator is stopping before <paramref name="hold"/> passed.</summary>
    private async Task<bool> HoldAsync(HttpContext context, TimeSpan hold)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(hold, clock, held.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static RestResult RateLimited(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return RestResult.Error(429, "rate_limited");
    }

    private string? Authenticate(HttpRequest request)
    {
        const string bearer = "Bearer ";
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)) return null;
        var token = authorization[bearer.Length..].Trim();
        return tokens.Contains(token) ? token : null;
    }

    private static string RelativePath(PathString path) => (path.Value ?? "").Trim('/');
}
