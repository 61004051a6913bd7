using System.Text;
using CartonaActors.Sandbox.Ebay.Api;
using CartonaActors.Sandbox.Ebay.Auth;
using CartonaActors.Sandbox.Ebay.Limits;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Ebay;

/// <summary>
/// Routes every request: the token endpoint, then for each API its token check (Bearer for the Sell APIs, IAF for
/// Post-Order, as eBay documents for OAuth tokens on that API), the scripted faults, the API's daily quota, and the
/// endpoint. Every request is counted and recorded before its answer is written.
/// </summary>
internal sealed class EbayRequestHandler(EbayEmulatorOptions options, EbayTokenStore tokens, EbayFaults faults, EbayCounters counters,
    EbayCallLog log, BulkUpdatePriceQuantity bulk, GetOffers getOffers, GetOrders getOrders, OrderEndpoints orders, Cancellations cancellations)
{
    private readonly DailyQuota _inventoryQuota = new(() => options.InventoryCallsPerDay, options);
    private readonly DailyQuota _fulfillmentQuota = new(() => options.FulfillmentCallsPerDay, options);

    public async Task HandleAsync(HttpContext context)
    {
        counters.Request();
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = (request.Path.Value ?? "").TrimStart('/');
        var api = ApiOf(path);
        var answer = Answer(request, path, api, body);
        if (answer.Status == 429) counters.Throttle();
        var query = request.QueryString.HasValue ? request.QueryString.Value!.TrimStart('?') : null;
        log.Record(new EbayRecordedCall(options.Clock.GetUtcNow(), request.Method, path, answer.Status, api)
        {
            Query = query,
            Body = options.RecordRequestBodies && body.Length > 0 ? body : null,
        });
        context.Response.StatusCode = answer.Status;
        if (answer.Location is not null) context.Response.Headers.Location = answer.Location;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Json, Encoding.UTF8, context.RequestAborted);
    }

    private ApiAnswer Answer(HttpRequest request, string path, string api, string body)
    {
        if (api == "identity")
        {
            if (request.Method != "POST" || path != "identity/v1/oauth2/token") return EbayErrors.NotFound();
            var (status, json) = TokenEndpoint.Handle(request, body, options, tokens);
            return new ApiAnswer(status, json);
        }
        if (api == "unknown") return EbayErrors.NotFound();

        var scheme = api == "post-order" ? "IAF " : "Bearer ";
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        switch (tokens.Check(token))
        {
            case TokenCheck.Unknown:
                return EbayErrors.InvalidToken();
            case TokenCheck.Expired:
                counters.ExpiredToken();
                return EbayErrors.InvalidToken();
        }
        if (faults.TakeThrottle()) return EbayErrors.TooManyRequests();
        if (faults.TakeFailure() is { } failStatus) return EbayErrors.Scripted(failStatus);
        var quota = api switch { "inventory" => _inventoryQuota, "fulfillment" => _fulfillmentQuota, _ => null };
        if (quota is not null && !quota.TryTake())
        {
            counters.QuotaRefusal();
            return EbayErrors.TooManyRequests();
        }
        return Route(request.Method, path.Split('/'), request.QueryString.Value, body);
    }

    private ApiAnswer Route(string method, string[] p, string? query, string body) => (method, p) switch
    {
        ("POST", ["sell", "inventory", "v1", "bulk_update_price_quantity"]) => bulk.Handle(body),
        ("GET", ["sell", "inventory", "v1", "offer"]) => getOffers.Handle(query),
        ("GET", ["sell", "fulfillment", "v1", "order"]) => getOrders.Handle(query),
        ("GET", ["sell", "fulfillment", "v1", "order", var id]) => orders.GetOrder(id),
        ("POST", ["sell", "fulfillment", "v1", "order", var id, "shipping_fulfillment"]) => orders.CreateFulfillment(id, body),
        ("GET", ["sell", "fulfillment", "v1", "order", var id, "shipping_fulfillment"]) => orders.ListFulfillments(id),
        ("GET", ["sell", "fulfillment", "v1", "order", var id, "shipping_fulfillment", var fid]) => orders.GetFulfillment(id, fid),
        ("POST", ["post-order", "v2", "cancellation", "check_eligibility"]) => cancellations.CheckEligibility(body),
        ("POST", ["post-order", "v2", "cancellation"]) => cancellations.Create(body),
        _ => EbayErrors.NotFound(),
    };

    private static string ApiOf(string path) =>
        path.StartsWith("identity/", StringComparison.Ordinal) ? "identity"
        : path.StartsWith("sell/inventory/", StringComparison.Ordinal) ? "inventory"
        : path.StartsWith("sell/fulfillment/", StringComparison.Ordinal) ? "fulfillment"
        : path.StartsWith("post-order/", StringComparison.Ordinal) ? "post-order"
        : "unknown";
}

/// <summary>The recorded calls, oldest first.</summary>
internal sealed class EbayCallLog
{
    private readonly object _gate = new();
    private readonly List<EbayRecordedCall> _calls = [];

    public void Record(EbayRecordedCall call)
    {
        lock (_gate) _calls.Add(call);
    }

    public IReadOnlyList<EbayRecordedCall> Snapshot()
    {
        lock (_gate) return _calls.ToList();
    }

    public void Clear()
    {
        lock (_gate) _calls.Clear();
    }
}
