using System.Text.Json;
using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Ebay.State;

namespace CartonaActors.Sandbox.Ebay.Api;

/// <summary>
/// Post-Order v2 seller cancellation: <c>POST post-order/v2/cancellation/check_eligibility</c> and
/// <c>POST post-order/v2/cancellation</c>. Only the whole order can be cancelled; an order is eligible while it is not
/// cancelled, has no fulfilment and is within <see cref="EbayEmulatorOptions.CancellationWindow"/> of its purchase.
/// A seller cancel completes at once: cancelState CANCELED, payment FULLY_REFUNDED, lastModifiedDate bumped.
/// </summary>
internal sealed class Cancellations(EbayEmulatorOptions options, EbayStore store)
{
    public static readonly string[] SellerReasons = ["OUT_OF_STOCK_OR_CANNOT_FULFILL", "BUYER_ASKED_CANCEL", "ADDRESS_ISSUES"];

    public ApiAnswer CheckEligibility(string body)
    {
        if (!TryRead(body, out var root) || Str(root, "legacyOrderId") is not { } id) return Missing();
        lock (store.Gate)
        {
            var order = store.Find(id);
            return new ApiAnswer(200, Result(id, order, FailureReasons(order)).ToJsonString());
        }
    }

    public ApiAnswer Create(string body)
    {
        if (!TryRead(body, out var root) || Str(root, "legacyOrderId") is not { } id) return Missing();
        var reason = Str(root, "cancelReason");
        if (reason is null || !SellerReasons.Contains(reason))
            return EbayErrors.Answer(400, EbayErrors.Error(1701, "API_CANCELLATION", "Invalid cancel reason.", parameters: ("cancelReason", reason ?? "")));
        lock (store.Gate)
        {
            var order = store.Find(id);
            var failures = FailureReasons(order);
            if (failures.Count > 0)
                return EbayErrors.Answer(400, EbayErrors.Error(1702, "API_CANCELLATION", "The order is not eligible for cancellation.",
                    parameters: failures.Select(f => ("failureReason", f)).ToArray()));
            var now = store.Now;
            var request = new CancelRequest(store.NextCancelId(), "SELLER", reason, now);
            order!.CancelRequests.Add(request);
            order.CancelledDate = now;
            order.LastModifiedDate = now;
            return new ApiAnswer(201, new JsonObject { ["cancelId"] = request.CancelId }.ToJsonString());
        }
    }

    private List<string> FailureReasons(Order? order)
    {
        if (order is null) return ["INVALID_ORDER"];
        var reasons = new List<string>();
        if (order.Cancelled || order.CancelRequests.Count > 0) reasons.Add("CANCELLATION_EXIST");
        if (order.Fulfillments.Count > 0) reasons.Add("SHIPPED");
        if (store.Now > order.CreationDate + options.CancellationWindow) reasons.Add("CANCEL_WINDOW_ELAPSED");
        return reasons;
    }

    private static JsonObject Result(string id, Order? order, List<string> failures)
    {
        var eligible = failures.Count == 0;
        JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
        return new JsonObject
        {
            ["legacyOrderId"] = order?.LegacyOrderId ?? id,
            ["eligible"] = eligible,
            ["eligibleCancelReason"] = Strings(eligible ? SellerReasons : []),
            ["failureReason"] = Strings(failures),
            ["itemEligibilityResult"] = new JsonArray((order?.Lines ?? []).Select(l => (JsonNode)new JsonObject
            {
                ["itemId"] = l.LegacyItemId,
                ["transactionId"] = l.TransactionId,
                ["eligible"] = eligible,
                ["failureReason"] = Strings(failures),
            }).ToArray()),
        };
    }

    private static bool TryRead(string body, out JsonElement root)
    {
        root = default;
        try
        {
            using var doc = JsonDocument.Parse(body);
            root = doc.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static ApiAnswer Missing() =>
        EbayErrors.Answer(400, EbayErrors.Error(1700, "API_CANCELLATION", "legacyOrderId is required."));
}
