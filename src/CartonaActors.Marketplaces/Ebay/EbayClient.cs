using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Secrets;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces.Ebay;

/// <summary>
/// One eBay connection. A push is one <c>bulk_update_price_quantity</c> of at most 25 SKUs (price on the SKU's
/// offer, found once with <c>getOffers</c> and remembered; quantity on both the offer and the ship-to-home
/// availability), per-SKU results mapped to items; a listing at its daily revision cap is held, not sent, and
/// goes with its latest value when eBay allows. Orders come from <c>getOrders</c> by last-modified date with
/// offset paging; shipping is a <c>shipping_fulfillment</c> (not idempotent: the order is read first), a seller
/// cancellation a Post-Order cancellation after its eligibility check. None is retried here.
/// </summary>
public sealed class EbayClient : IMarketplaceClient, IMarketplaceOrders, IDisposable
{
    private const int CapReachedError = 25019;
    private static readonly string[] CancelReasons = ["OUT_OF_STOCK_OR_CANNOT_FULFILL", "BUYER_ASKED_CANCEL", "ADDRESS_ISSUES"];

    private readonly EbayApi _api;
    private readonly EbaySettings _own;
    private readonly EbayRevisionBudget _revisions;
    private readonly string _customerPrefix;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, string> _offerOf = new(StringComparer.Ordinal);

    public EbayClient(ConnectionSettings settings, EbaySettings own, EbayRevisionBudget revisions, string customerPrefix, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(own);
        _clock = clock ?? TimeProvider.System;
        (_own, _revisions, _customerPrefix) = (own, revisions, customerPrefix);
        _api = new EbayApi(settings, own, SecretScrubber.For(settings.BaseUrl, settings.Token, own.ClientSecret), _clock);
    }

    /// <inheritdoc />
    public async Task<CallOutcome> PushAsync(IReadOnlyList<PushItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = _clock.GetUtcNow();
        var held = new List<ItemHold>();
        var rejected = new List<ItemRejection>();
        var send = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (_revisions.WaitFor(items[i].Ref.Value, now) is { } wait) held.Add(Hold(i, wait));
            else send.Add(i);
        }
        foreach (var i in send.Where(i => items[i].Values.Price is not null && !_offerOf.ContainsKey(items[i].Ref.Value)).ToList())
        {
            var (offer, failure) = await OfferAsync(items[i].Ref.Value, ct);
            if (failure is CallOutcome.Refused refused) rejected.Add(new ItemRejection(i, refused.Reason));
            else if (failure is not null) return failure;
            else if (offer is null) rejected.Add(new ItemRejection(i, $"eBay has no published offer for SKU {items[i].Ref.Value}, so its price cannot be set"));
        }
        send.RemoveAll(i => rejected.Any(r => r.Index == i));
        if (send.Count == 0) return new CallOutcome.Accepted(rejected, true, null, held);
        var requests = new JsonArray(send.Select(i => (JsonNode)Request(items[i])).ToArray());
        var answer = await _api.SendAsync("bulk_update_price_quantity", HttpMethod.Post, "sell/inventory/v1/bulk_update_price_quantity",
            new JsonObject { ["requests"] = requests }, ct);
        if (answer.Failure is { } callFailed) return callFailed;
        var bySku = send.GroupBy(i => items[i].Ref.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var answered = new HashSet<int>();
        foreach (var response in (answer.Body?["responses"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (response["sku"]?.ToString() is not { } sku || !bySku.TryGetValue(sku, out var indexes)) continue;
            answered.UnionWith(indexes);
            if (response["statusCode"] is JsonValue code && code.TryGetValue<int>(out var status) && status == 200) continue;
            var errors = (response["errors"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var i in indexes)
            {
                if (errors.Any(e => e["errorId"] is JsonValue id && id.TryGetValue<int>(out var n) && n == CapReachedError))
                {
                    _revisions.CapReached(sku, now);
                    held.Add(Hold(i, _revisions.WaitFor(sku, now) ?? _own.HoldRecheck));
                }
                else rejected.Add(new ItemRejection(i, _api.Excerpt(string.Join("; ", errors.Select(e => $"{e["errorId"]}: {e["message"]}")))));
            }
        }
        foreach (var i in send.Where(i => !rejected.Any(r => r.Index == i) && !held.Any(h => h.Index == i))) _revisions.Revised(items[i].Ref.Value, now);
        var silent = send.Count(i => !answered.Contains(i));
        return new CallOutcome.Accepted(rejected.DistinctBy(r => r.Index).ToList(), silent == 0, null, held.DistinctBy(h => h.Index).ToList());
    }

    private ItemHold Hold(int index, TimeSpan wait) =>
        new(index, wait < _own.HoldRecheck ? wait : _own.HoldRecheck,
            $"eBay allows {_revisions.Cap} revisions a listing per day; held with its latest value for {wait.TotalMinutes:0.#} min");

    private JsonObject Request(PushItem item)
    {
        var values = item.Values;
        int? quantity = values.UnlimitedStock is true ? _own.UnlimitedQuantity : values.Quantity;
        var request = new JsonObject { ["sku"] = item.Ref.Value };
        if (quantity is { } q) request["shipToLocationAvailability"] = new JsonObject { ["quantity"] = q };
        if (_offerOf.TryGetValue(item.Ref.Value, out var offerId) && (values.Price is not null || quantity is not null))
        {
            var offer = new JsonObject { ["offerId"] = offerId };
            if (quantity is { } oq) offer["availableQuantity"] = oq;
            if (values.Price is { } price)
                offer["price"] = new JsonObject { ["value"] = price.ToString("0.00", CultureInfo.InvariantCulture), ["currency"] = _own.Currency };
            request["offers"] = new JsonArray(offer);
        }
        return request;
    }

    /// <summary>The SKU's published offer id, read once; null when it has none; Refused when eBay knows no such SKU.</summary>
    private async Task<(string? OfferId, CallOutcome? Failure)> OfferAsync(string sku, CancellationToken ct)
    {
        var answer = await _api.SendAsync("getOffers", HttpMethod.Get,
            $"sell/inventory/v1/offer?sku={Uri.EscapeDataString(sku)}&marketplace_id={Uri.EscapeDataString(_own.MarketplaceId)}", null, ct);
        if (answer.Failure is CallOutcome.Refused { StatusCode: 404 }) return (null, null);
        if (answer.Failure is { } failure) return (null, failure);
        var offer = (answer.Body?["offers"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(o => o["marketplaceId"]?.ToString() is null || o["marketplaceId"]!.ToString() == _own.MarketplaceId)?["offerId"]?.ToString();
        if (offer is not null) _offerOf[sku] = offer;
        return (offer, null);
    }

    /// <inheritdoc />
    public async Task<ConnectionCheck> TestConnectionAsync(CancellationToken ct)
    {
        var answer = await _api.SendAsync("getOrders", HttpMethod.Get, EbayOrderReader.Query(_clock.GetUtcNow().AddDays(-1), 1, 0), null, ct);
        return answer.Failure is { } failure ? new ConnectionCheck(false, failure.ToString()) : new ConnectionCheck(true, $"connected to eBay {_own.MarketplaceId}");
    }

    /// <inheritdoc />
    /// <remarks>The cursor is the offset. Orders modified between two pages move later in eBay's order, so a page may
    /// repeat an order already read (harmless: each is stored once), never skip one.</remarks>
    public async Task<(CallOutcome Outcome, OrderPage? Page)> PullOrdersAsync(OrderPageRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var offset = int.TryParse(request.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var at) ? at : 0;
        var limit = Math.Clamp(request.PerPage, 1, 200);
        var answer = await _api.SendAsync("getOrders", HttpMethod.Get,
            EbayOrderReader.Query(request.UpdatedSince ?? _clock.GetUtcNow().AddDays(-7), limit, offset), null, ct);
        if (answer.Failure is { } failure) return (failure, null);
        if (answer.Body?["orders"] is not JsonArray nodes)
            return (new CallOutcome.TransientFailure("getOrders answered without an orders list: " + _api.Excerpt(answer.Text)), null);
        var (orders, unreadable) = OrderNodes.Read(nodes, o => EbayOrderReader.Read(o, _customerPrefix), o => EbayOrderReader.Text(o, "orderId"),
            ex => ex is UnreadableEbayOrderException, _api.Excerpt);
        var more = answer.Body["next"] is not null;
        return (CallOutcome.Success, new OrderPage(orders, unreadable, nodes.Count, more ? (offset + nodes.Count).ToString(CultureInfo.InvariantCulture) : null, more));
    }

    /// <inheritdoc />
    public Task<CallOutcome> AcknowledgeAsync(IReadOnlyList<string> orderIds, CancellationToken ct) => Task.FromResult(CallOutcome.Success);

    /// <inheritdoc />
    public async Task<CallOutcome> UpdateOrderStatusAsync(string orderId, OrderStatusUpdate update, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentNullException.ThrowIfNull(update);
        if (update.Status is not (EbayStatusModel.Fulfilled or EbayStatusModel.Cancelled))
            return new CallOutcome.Refused(0, $"eBay has no seller action that sets an order {update.Status}");
        // The order as eBay shows it now: a call whose answer was lost may have done what is asked already.
        var read = await _api.SendAsync("getOrder", HttpMethod.Get, "sell/fulfillment/v1/order/" + Uri.EscapeDataString(orderId), null, ct);
        if (read.Failure is { } failure) return failure;
        if (read.Body is not JsonObject order) return new CallOutcome.Refused(404, $"eBay has no order {orderId}");
        var status = EbayOrderReader.StatusOf(order);
        if (status == update.Status) return CallOutcome.Success;
        return update.Status == EbayStatusModel.Fulfilled ? await ShipAsync(orderId, status, order, update, ct) : await CancelAsync(orderId, status, order, update.Reason, ct);
    }

    private async Task<CallOutcome> ShipAsync(string orderId, string status, JsonObject order, OrderStatusUpdate update, CancellationToken ct)
    {
        if (status == EbayStatusModel.Cancelled) return new CallOutcome.Refused(409, $"order {orderId} is cancelled on eBay; it cannot be shipped");
        var lines = (order["lineItems"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(l => l["lineItemFulfillmentStatus"]?.ToString() != "FULFILLED")
            .Select(l => (JsonNode)new JsonObject { ["lineItemId"] = l["lineItemId"]?.ToString(), ["quantity"] = l["quantity"]?.GetValue<int>() ?? 1 }).ToArray();
        if (lines.Length == 0) return CallOutcome.Success;
        var body = new JsonObject
        {
            ["lineItems"] = new JsonArray(lines), ["shippedDate"] = EbayOrderReader.Time(_clock.GetUtcNow()),
            ["shippingCarrierCode"] = _own.CarrierCode,
            // The ERP hands over no tracking number; the delivery code or the order id stands in for it.
            ["trackingNumber"] = update.DeliveryCode ?? orderId,
        };
        var answer = await _api.SendAsync("createShippingFulfillment", HttpMethod.Post,
            $"sell/fulfillment/v1/order/{Uri.EscapeDataString(orderId)}/shipping_fulfillment", body, ct);
        return answer.Failure ?? CallOutcome.Success;
    }

    private async Task<CallOutcome> CancelAsync(string orderId, string status, JsonObject order, string? reason, CancellationToken ct)
    {
        if (status is EbayStatusModel.Fulfilled or EbayStatusModel.InProgress)
            return new CallOutcome.Refused(409, $"order {orderId} is {status} on eBay; a shipped order cannot be cancelled");
        var legacy = EbayOrderReader.Text(order, "legacyOrderId") ?? orderId;
        var check = await _api.SendAsync("checkCancellationEligibility", HttpMethod.Post, "post-order/v2/cancellation/check_eligibility",
            new JsonObject { ["legacyOrderId"] = legacy }, ct, postOrder: true);
        if (check.Failure is { } failure) return failure;
        if (check.Body?["eligible"] is JsonValue e && e.TryGetValue<bool>(out var eligible) && !eligible)
            return new CallOutcome.Refused(422, $"eBay does not allow cancelling order {orderId}: {string.Join(", ", (check.Body["failureReason"] as JsonArray ?? []).Select(r => r?.ToString()))}");
        var code = reason is not null && CancelReasons.Contains(reason.ToUpperInvariant()) ? reason.ToUpperInvariant() : _own.CancelReason;
        var answer = await _api.SendAsync("createCancellation", HttpMethod.Post, "post-order/v2/cancellation",
            new JsonObject { ["legacyOrderId"] = legacy, ["cancelReason"] = code }, ct, postOrder: true);
        return answer.Failure ?? CallOutcome.Success;
    }

    /// <inheritdoc />
    public Task<CallOutcome> UpdateOrderLinesAsync(string orderId, IReadOnlyList<OrderLineChange> changes, CancellationToken ct) =>
        Task.FromResult<CallOutcome>(new CallOutcome.Refused(0, "line edits are not synced to eBay"));

    public void Dispose() => _api.Dispose();
}
