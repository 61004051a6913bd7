using System.Text;
using CartonaActors.Sandbox.Shopify.Api;
using CartonaActors.Sandbox.Shopify.Auth;
using CartonaActors.Sandbox.Shopify.State;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Shopify;

/// <summary>
/// Routes every request: the token endpoint, the GraphQL endpoint of the served version (any other version is
/// 404), token checks (401 with Shopify's text), completion of pending cancel jobs on each authenticated call,
/// and the transport faults (drop after commit, truncated JSON). Every request is counted and recorded before its
/// answer is written.
/// </summary>
internal sealed class ShopifyRequestHandler(ShopifyEmulatorOptions options, ShopState shop, TokenStore tokens, GraphQLEndpoint graphql,
    ShopifyFaults faults, ShopifyCounters counters, ShopifyCallLog log)
{
    private const string InvalidToken = "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}";

    public async Task HandleAsync(HttpContext context)
    {
        counters.Request();
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = (request.Path.Value ?? "").TrimStart('/');
        var recorded = options.RecordRequestBodies && body.Length > 0 ? body : null;

        if (request.Method == "POST" && path == "admin/oauth/access_token")
        {
            var (status, json, outcome) = TokenEndpoint.Handle(request, body, options, tokens);
            log.Record(new ShopifyRecordedCall(options.Clock.GetUtcNow(), path, [], null, status, outcome, recorded));
            await WriteAsync(context, status, json);
            return;
        }
        var parts = path.Split('/');
        if (request.Method != "POST" || parts.Length != 4 || parts[0] != "admin" || parts[1] != "api" || parts[3] != "graphql.json"
            || parts[2] != options.ApiVersion)
        {
            log.Record(new ShopifyRecordedCall(options.Clock.GetUtcNow(), path, [], null, 404, "not_found", recorded));
            await WriteAsync(context, 404, "{\"errors\":\"Not Found\"}");
            return;
        }
        var app = tokens.Authenticate(request.Headers["X-Shopify-Access-Token"].ToString());
        if (app is null)
        {
            log.Record(new ShopifyRecordedCall(options.Clock.GetUtcNow(), path, [], null, 401, "unauthorized", recorded));
            await WriteAsync(context, 401, InvalidToken);
            return;
        }
        lock (shop.Gate) shop.CompletePendingCancels();

        var answer = graphql.Handle(app, body);
        if (answer.IsMutation && answer.Status == 200 && faults.TakeDrop())
        {
            counters.Drop();
            log.Record(new ShopifyRecordedCall(options.Clock.GetUtcNow(), path, answer.Operations, answer.RequestedCost, 0, "dropped", recorded));
            context.Abort();
            return;
        }
        var text = answer.Json;
        var outcomeText = answer.Outcome;
        if (answer.Status == 200 && faults.TakeBroken())
        {
            text = text[..(text.Length / 2)];
            outcomeText = "broken_json";
        }
        if (answer.RetryAfter) context.Response.Headers.RetryAfter = "2";
        log.Record(new ShopifyRecordedCall(options.Clock.GetUtcNow(), path, answer.Operations, answer.RequestedCost, answer.Status, outcomeText, recorded));
        await WriteAsync(context, answer.Status, text);
    }

    private static async Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json, Encoding.UTF8, context.RequestAborted);
    }
}

/// <summary>The recorded calls, oldest first.</summary>
internal sealed class ShopifyCallLog
{
    private readonly object _gate = new();
    private readonly List<ShopifyRecordedCall> _calls = [];

    public void Record(ShopifyRecordedCall call)
    {
        lock (_gate) _calls.Add(call);
    }

    public IReadOnlyList<ShopifyRecordedCall> Snapshot()
    {
        lock (_gate) return _calls.ToList();
    }

    public void Clear()
    {
        lock (_gate) _calls.Clear();
    }
}
