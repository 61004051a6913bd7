using System.Text;
using CartonaActors.Sandbox.Amazon.Api;
using CartonaActors.Sandbox.Amazon.Auth;
using CartonaActors.Sandbox.Amazon.Feeds;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Amazon;

/// <summary>
/// Routes every request: LWA, the presigned document URLs, then the SP-API operations in the order Amazon checks them:
/// route (404), access token (403), scripted failures, rate limits (429 QuotaExceeded, never Retry-After), then the
/// operation. Every SP-API answer carries x-amzn-RequestId and x-amzn-RateLimit-Limit. Every request is counted and
/// recorded before its answer is written.
/// </summary>
internal sealed class AmazonRequestHandler(AmazonEmulatorOptions options, LwaTokenStore tokens, OperationLimiter limiter, DocumentStore documents,
    ListingsEndpoint listings, FeedsEndpoint feeds, OrdersEndpoint orders, ShipmentEndpoint shipments, AmazonFaults faults,
    AmazonCounters counters, AmazonCallLog log, Func<string> baseUrl)
{
    public async Task HandleAsync(HttpContext context)
    {
        counters.Request();
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = RawPath(context);
        var (operation, answer) = Answer(context, request, path, body);
        if (answer.Status == 429) counters.Throttle();
        log.Record(new AmazonRecordedCall(options.Clock.GetUtcNow(), request.Method, "/" + Uri.UnescapeDataString(path), operation, answer.Status)
        {
            Body = options.RecordRequestBodies && body.Length > 0 ? body : null,
        });
        context.Response.StatusCode = answer.Status;
        if (answer.Body.Length == 0) return;
        context.Response.ContentType = answer.ContentType.Contains("charset") ? answer.ContentType : answer.ContentType + "; charset=utf-8";
        await context.Response.WriteAsync(answer.Body, Encoding.UTF8, context.RequestAborted);
    }

    private (string Operation, SpAnswer Answer) Answer(HttpContext context, HttpRequest request, string path, string body)
    {
        if (request.Method == "POST" && path == "auth/o2/token")
        {
            var (status, json) = LwaEndpoint.Handle(request, body, options, tokens, counters);
            return ("lwaToken", new SpAnswer(status, json));
        }
        if (path.StartsWith(DocumentStore.PathPrefix, StringComparison.Ordinal) && request.Method is "PUT" or "GET")
        {
            var id = Uri.UnescapeDataString(path[DocumentStore.PathPrefix.Length..]);
            var (status, text, type) = documents.Serve(request.Method, id, request.Query["X-Amz-Date"].FirstOrDefault(),
                request.Query["X-Amz-Signature"].FirstOrDefault(), body);
            return (request.Method == "PUT" ? "uploadFeedDocument" : "downloadFeedDocument", new SpAnswer(status, text, type));
        }

        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        var route = SpRoute.Match(request.Method, path);
        if (route is null) return ("unknown", SpAnswer.NotFound("The requested resource was not found."));
        context.Response.Headers["x-amzn-RateLimit-Limit"] = Wire.Rate(limiter.Rate(route.Operation));

        var check = tokens.Check(request.Headers["x-amz-access-token"].FirstOrDefault());
        if (check != TokenCheck.Live)
        {
            if (check == TokenCheck.Expired) counters.ExpiredToken();
            var details = check switch
            {
                TokenCheck.Missing => "Access token is missing in the request header.",
                TokenCheck.Expired => "The access token you provided has expired.",
                _ => "The access token you provided is revoked, malformed or invalid.",
            };
            return (route.Operation, SpAnswer.Error(403, "Unauthorized", "Access to requested resource is denied.", details));
        }
        if (faults.TakeFailure() is { } failStatus) return (route.Operation, Failure(failStatus));
        if (faults.TakeThrottle(route.Operation) || !limiter.TryTake(route.Operation))
            return (route.Operation, SpAnswer.Error(429, "QuotaExceeded", "You exceeded your quota for the requested resource."));

        var a = route.Args;
        var answer = route.Operation switch
        {
            "patchListingsItem" => listings.Patch(a[0], a[1], request.Query, body),
            "getListingsItem" => listings.Get(a[0], a[1], request.Query),
            "createFeedDocument" => feeds.CreateDocument(baseUrl(), body),
            "getFeedDocument" => feeds.GetDocument(baseUrl(), a[0]),
            "createFeed" => feeds.Create(body),
            "getFeed" => feeds.Get(a[0]),
            "cancelFeed" => feeds.Cancel(a[0]),
            "searchOrders" => orders.Search(request.Query),
            "getOrder" => orders.Get(a[0], request.Query),
            "confirmShipment" => shipments.Confirm(a[0], body),
            _ => SpAnswer.NotFound("The requested resource was not found."),
        };
        return (route.Operation, answer);
    }

    // The path as sent, still escaped: SKUs may hold '/', '%' or spaces, so each segment is unescaped exactly once, later.
    private static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var query = raw.IndexOf('?');
        return (query >= 0 ? raw[..query] : raw).TrimStart('/');
    }

    private static SpAnswer Failure(int status) => status switch
    {
        429 => SpAnswer.Error(429, "QuotaExceeded", "You exceeded your quota for the requested resource."),
        503 => SpAnswer.Error(503, "ServiceUnavailable", "Service temporarily unavailable. Please try again."),
        >= 500 => SpAnswer.Error(status, "InternalFailure", "We encountered an internal error. Please try again."),
        403 => SpAnswer.Error(403, "Unauthorized", "Access to requested resource is denied."),
        404 => SpAnswer.NotFound("The requested resource was not found."),
        _ => SpAnswer.Error(status, "InvalidInput", "The request was refused (fault injected)."),
    };
}

/// <summary>The recorded calls, oldest first.</summary>
internal sealed class AmazonCallLog
{
    private readonly object _gate = new();
    private readonly List<AmazonRecordedCall> _calls = [];

    public void Record(AmazonRecordedCall call)
    {
        lock (_gate) _calls.Add(call);
    }

    public IReadOnlyList<AmazonRecordedCall> Snapshot()
    {
        lock (_gate) return _calls.ToList();
    }

    public void Clear()
    {
        lock (_gate) _calls.Clear();
    }
}
