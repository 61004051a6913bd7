using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Shopify.GraphQL;
using CartonaActors.Sandbox.Shopify.Schema;
using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify.Api;

/// <summary>The answer to one GraphQL POST: status, JSON, what it was, and the facts the call log keeps.</summary>
internal sealed record GraphQLAnswer(int Status, string Json, string Outcome, IReadOnlyList<string> Operations, double? RequestedCost, bool IsMutation)
{
    public bool RetryAfter { get; init; }
}

/// <summary>
/// One authenticated GraphQL request in Shopify's order: read the document, refuse unknown fields, compute the
/// requested cost, refuse over-long input arrays and over-cost queries, charge the app's bucket (THROTTLED when it
/// is short), run under the shop's lock, refund what the answer did not use, and report
/// <c>extensions.cost</c> on every answer.
/// </summary>
internal sealed class GraphQLEndpoint(ShopifyEmulatorOptions options, ShopState shop, ShopifySchema schema, CostBucket bucket,
    IdempotencyLedger ledger, ShopifyFaults faults, ShopifyCounters counters)
{
    private readonly GqlExecutor _executor = new(schema);

    public GraphQLAnswer Handle(string app, string body)
    {
        if (faults.TakeFailure() is { } failure)
        {
            var text = failure.Status == 429
                ? "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."
                : "Internal Server Error";
            return new GraphQLAnswer(failure.Status, JsonSerializer.Serialize(new { errors = text }), "fault", [], null, false)
            { RetryAfter = failure.RetryAfter };
        }

        GqlOperation operation;
        try
        {
            operation = Read(body);
        }
        catch (GqlException e)
        {
            return Errors(app, [e.Error], "error", [], null, false);
        }
        var names = operation.Fields.Select(f => f.Name).ToList();
        double requested;
        try
        {
            requested = QueryCost.Requested(schema, operation);
        }
        catch (GqlException e)
        {
            return Errors(app, [e.Error], "error", names, null, operation.IsMutation);
        }

        foreach (var field in operation.Fields)
            foreach (var (name, value) in field.Arguments)
            {
                var size = Inputs.LargestList(value);
                if (size > options.MaxInputArraySize)
                    return Errors(app, [new GqlError($"The input array size of {size} is greater than the maximum allowed of {options.MaxInputArraySize}.",
                        "MAX_INPUT_SIZE_EXCEEDED", [field.Key, name])], "error", names, requested, operation.IsMutation);
            }

        if (requested > options.MaxSingleQueryCost)
        {
            counters.MaxCost();
            return Errors(app, [new GqlError(
                $"Query cost is {requested.ToString(CultureInfo.InvariantCulture)}, which exceeds the single query max cost limit ({options.MaxSingleQueryCost}).\n\n" +
                "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\n" +
                "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
                "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n", "MAX_COST_EXCEEDED")],
                "max_cost", names, requested, operation.IsMutation);
        }

        var scripted = faults.TakeThrottle();
        var charge = scripted ? (Charged: false, Level: 0d) : bucket.TryCharge(app, requested);
        if (!charge.Charged)
        {
            counters.Throttled();
            return Errors(app, [new GqlError("Throttled", "THROTTLED")
            {
                Extra = new Dictionary<string, string> { ["documentation"] = "https://shopify.dev/api/usage/rate-limits" },
            }], "throttled", names, requested, operation.IsMutation);
        }
        counters.Charged(charge.Level);

        GqlContext context;
        JsonObject data;
        double actual;
        lock (shop.Gate)
        {
            context = new GqlContext(shop, faults, counters, ledger, options.ApiVersion, app);
            (data, actual) = _executor.Execute(operation, context);
        }
        actual = Math.Min(actual, requested);
        if (requested > actual) bucket.Refund(app, requested - actual);
        counters.Spent(actual);

        var root = new JsonObject();
        if (context.Errors.Count > 0) root["errors"] = ErrorArray(context.Errors);
        root["data"] = data;
        root["extensions"] = Extensions(app, requested, actual);
        var outcome = context.Outcome ?? (context.Errors.Count > 0 ? "error" : HasUserErrors(data) ? "user_errors" : "ok");
        return new GraphQLAnswer(200, root.ToJsonString(), outcome, names, requested, operation.IsMutation);
    }

    private static GqlOperation Read(string body)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new GqlException("Invalid JSON in request body", "BAD_REQUEST");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
                throw new GqlException("No query string was present", "BAD_REQUEST");
            JsonElement? variables = root.TryGetProperty("variables", out var v) ? v : null;
            var name = root.TryGetProperty("operationName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            return GqlDocumentReader.Read(query.GetString()!, variables, name);
        }
    }

    private static bool HasUserErrors(JsonObject data) =>
        data.Select(p => p.Value).OfType<JsonObject>().Any(o => o.Any(p =>
            p.Key.EndsWith("serErrors", StringComparison.Ordinal) && p.Value is JsonArray { Count: > 0 }));

    private GraphQLAnswer Errors(string app, IReadOnlyList<GqlError> errors, string outcome, IReadOnlyList<string> names, double? requested, bool isMutation)
    {
        var root = new JsonObject
        {
            ["errors"] = ErrorArray(errors),
            ["extensions"] = Extensions(app, requested ?? 0, null),
        };
        return new GraphQLAnswer(200, root.ToJsonString(), outcome, names, requested, isMutation);
    }

    private static JsonArray ErrorArray(IEnumerable<GqlError> errors)
    {
        var array = new JsonArray();
        foreach (var e in errors)
        {
            var item = new JsonObject { ["message"] = e.Message };
            if (e.Path is not null) item["path"] = new JsonArray(e.Path.Select(p => (JsonNode?)JsonValue.Create(p.ToString())).ToArray());
            var extensions = new JsonObject();
            if (e.Code is not null) extensions["code"] = e.Code;
            foreach (var (k, v) in e.Extra ?? new Dictionary<string, string>()) extensions[k] = v;
            item["extensions"] = extensions;
            array.Add(item);
        }
        return array;
    }

    private JsonObject Extensions(string app, double requested, double? actual)
    {
        var status = bucket.Status(app);
        return new JsonObject
        {
            ["cost"] = new JsonObject
            {
                ["requestedQueryCost"] = requested,
                ["actualQueryCost"] = actual,
                ["throttleStatus"] = new JsonObject
                {
                    ["maximumAvailable"] = status.MaximumAvailable,
                    ["currentlyAvailable"] = status.CurrentlyAvailable,
                    ["restoreRate"] = status.RestoreRate,
                },
            },
        };
    }
}
