using System.Text.Json.Nodes;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Secrets;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces.Shopify;

/// <summary>
/// One Shopify connection over the GraphQL Admin API. A push finds its listings' variants (bulk search, then
/// remembered), sets stock per location with compare-and-set and an idempotency key, and sets prices per product;
/// a stock conflict is settled by reading Shopify's quantities again and setting once more. Orders come from the
/// <c>orders</c> query by update time; fulfilment and cancellation are Shopify's own mutations. Every call waits
/// for the cost bucket Shopify last reported; none is retried here.
/// </summary>
public sealed class ShopifyClient : IMarketplaceClient, IMarketplaceOrders, IDisposable
{
    private static readonly string[] CancelReasons = ["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"];

    private readonly ShopifyGraphQL _graphql;
    private readonly ShopifyVariants _variants;
    private readonly ShopifySettings _own;
    private readonly string _customerPrefix;
    private readonly bool _byBarcode;
    private readonly int _maxQueryCost;

    public ShopifyClient(ConnectionSettings settings, ShopifySettings own, string customerPrefix, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(own);
        clock ??= TimeProvider.System;
        _own = own;
        _customerPrefix = customerPrefix;
        _byBarcode = settings.ListingSource == Domain.Listings.ListingSource.Barcode;
        _maxQueryCost = own.MaxQueryCost;
        var scrubber = SecretScrubber.For(settings.BaseUrl, settings.Token, own.ClientSecret, own.RefreshToken);
        var tokens = new ShopifyAccessTokens(settings, own, scrubber, clock);
        _graphql = new ShopifyGraphQL(settings, own, new ShopifyCostMeter(own.RestoreRate, own.BucketSize, clock), tokens, scrubber, clock);
        _variants = new ShopifyVariants(Math.Max(1, settings.LocationByWarehouse.Values.Distinct().Count()), own.MaxQueryCost);
    }

    /// <summary>The cost bucket as Shopify last reported it (points available now, maximum, restore rate).</summary>
    public (double Available, double Maximum, double RestoreRate) Bucket => _graphql.Meter.Reading;

    /// <inheritdoc />
    public async Task<CallOutcome> PushAsync(IReadOnlyList<PushItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return CallOutcome.Success;
        var push = new ShopifyPush(items);
        if (await FindAsync(push, items.Select(i => i.Ref).Where(r => _variants.Known(r) is null).Distinct().ToList(), withStock: false, ct) is { } lookupFailed)
            return lookupFailed;
        var pending = Enumerable.Range(0, items.Count).Where(i => !push.Rejected.ContainsKey(i)).ToList();
        for (var round = 0; ; round++)
        {
            var (stock, prices, productOf) = Rows(push, pending, recheck: round > 0);
            var mutations = ShopifyPushPlan.Mutations(stock, prices, productOf);
            var uncertain = new HashSet<int>();
            var conflict = false;
            foreach (var document in ShopifyPushPlan.Documents(mutations, _maxQueryCost))
            {
                var (query, variables) = ShopifyPushPlan.Document(document);
                var answer = await SendAsync(push, query, variables, ShopifyPushPlan.Cost(document), ct);
                if (answer.Failure is { } failure) return failure;
                for (var m = 0; m < document.Count; m++)
                    conflict |= Settle(push, document[m], ShopifyPushPlan.Errors(answer.Data!, m, document[m]), uncertain);
            }
            uncertain.ExceptWith(push.Rejected.Keys);
            if (uncertain.Count == 0) break;
            if (round > 0)
                return conflict
                    ? new CallOutcome.TransientFailure($"stock on Shopify changed again while being set ({uncertain.Count} products, compare-and-set conflict); the batch goes again")
                    : push.Outcome(unattributed: uncertain.Select(i => $"{items[i].Ref.Value}: Shopify reported an error no field of which names the item"));
            // Read what Shopify shows now, then set once more from there.
            if (await FindAsync(push, uncertain.Select(i => items[i].Ref).Distinct().ToList(), withStock: true, ct) is { } rereadFailed) return rereadFailed;
            pending = uncertain.Where(i => !push.Rejected.ContainsKey(i)).ToList();
        }
        return push.Outcome();
    }

    /// <summary>Records one mutation's answer; returns whether a stock row met a compare-and-set conflict.</summary>
    private bool Settle(ShopifyPush push, ShopifyMutation mutation, MutationErrors? errors, HashSet<int> uncertain)
    {
        if (errors is null)
        {
            uncertain.UnionWith(mutation.Items);
            return false;
        }
        if (!errors.Any)
        {
            if (mutation is ShopifyMutation.Stock applied)
                foreach (var row in applied.Rows) _variants.Set(row.Listing, row.LocationId, row.Quantity);
            return false;
        }
        var conflict = false;
        var rows = mutation switch
        {
            ShopifyMutation.Stock s => s.Rows.Select(r => r.Item).ToList(),
            ShopifyMutation.Prices p => p.Rows.Select(r => r.Item).ToList(),
            _ => [],
        };
        foreach (var (row, code, message) in errors.ByRow)
        {
            if (code == "CHANGE_FROM_QUANTITY_STALE")
            {
                conflict = true;
                uncertain.Add(rows[row]);
            }
            else push.Reject(rows[row], $"{code}: {_graphql.Excerpt(message)}");
        }
        if (errors.Unattributed.Count > 0 && rows.Distinct().Count() == 1)
            push.Reject(rows[0], _graphql.Excerpt(string.Join("; ", errors.Unattributed)));
        // Whether a failed mutation applied its other rows is Shopify's to say, not ours to guess: they are read again.
        uncertain.UnionWith(rows);
        return conflict;
    }

    private (List<StockRow> Stock, List<PriceRow> Prices, Dictionary<string, string> ProductOf) Rows(ShopifyPush push, IReadOnlyList<int> pending, bool recheck)
    {
        var stock = new List<StockRow>();
        var prices = new List<PriceRow>();
        var productOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var i in pending)
        {
            var item = push.Items[i];
            if (_variants.Known(item.Ref) is not { } variant) continue;
            var values = item.Values;
            if (values.Price is { } price)
            {
                prices.Add(new PriceRow(i, variant.VariantId, price));
                productOf[variant.VariantId] = variant.ProductId;
            }
            if (values.ByLocation is not { } byLocation)
            {
                if (values.Quantity is not null || values.UnlimitedStock is true)
                    push.Reject(i, "the connection maps no warehouse to a Shopify location (LocationByWarehouse), so stock cannot be set");
                continue;
            }
            foreach (var (location, quantity) in byLocation)
            {
                var locationId = ShopifyIds.Gid("Location", location);
                var wanted = values.UnlimitedStock is true ? _own.UnlimitedQuantity : Math.Max(0, quantity);
                int? shown = variant.Available.TryGetValue(locationId, out var q) ? q : null;
                // Read again after a conflict: a row Shopify already shows as wanted needs no second set.
                if (recheck && shown == wanted) continue;
                stock.Add(new StockRow(i, item.Ref, variant.InventoryItemId, locationId, wanted, shown, item.Version));
            }
        }
        return (stock, prices, productOf);
    }

    /// <summary>Looks the listings up in bulk; those Shopify does not have are refused for the push.</summary>
    private async Task<CallOutcome?> FindAsync(ShopifyPush push, IReadOnlyList<ListingRef> listings, bool withStock, CancellationToken ct)
    {
        var missing = new Dictionary<ListingRef, string>();
        foreach (var kind in listings.GroupBy(l => l.Kind))
        {
            var crowdedOut = new List<ListingRef>();
            foreach (var chunk in kind.Chunk(_variants.KeysPerLookup(withStock)))
            {
                var (query, variables) = _variants.Lookup(chunk, withStock);
                var answer = await SendAsync(push, query, variables, _variants.LookupCost(chunk.Length, withStock), ct);
                if (answer.Failure is { } failure) return failure;
                var notFound = _variants.Remember(chunk, answer.Data!, withStock);
                if (ShopifyVariants.Truncated(answer.Data!) && chunk.Length > 1) crowdedOut.AddRange(notFound.Keys);
                else foreach (var (listing, reason) in notFound) missing[listing] = reason;
            }
            // Searched alone, a key's exact match is on the first page unless hundreds of variants start alike.
            foreach (var listing in crowdedOut)
            {
                var (query, variables) = _variants.Lookup([listing], withStock);
                var answer = await SendAsync(push, query, variables, _variants.LookupCost(1, withStock), ct);
                if (answer.Failure is { } failure) return failure;
                foreach (var (l, reason) in _variants.Remember([listing], answer.Data!, withStock)) missing[l] = reason;
            }
        }
        for (var i = 0; i < push.Items.Count; i++)
            if (missing.TryGetValue(push.Items[i].Ref, out var reason)) push.Reject(i, reason);
        return null;
    }

    /// <summary>The first call of a push is held back when the bucket cannot pay it; the later ones wait for their
    /// points, so what the earlier calls applied is not sent again.</summary>
    private async Task<GraphQLAnswer> SendAsync(ShopifyPush push, string query, JsonObject variables, double cost, CancellationToken ct)
    {
        var answer = await _graphql.SendAsync(query, variables, cost, ct, waitForBudget: push.Sent);
        if (answer.Failure is not CallOutcome.RateLimited { NotSent: true }) push.Sent = true;
        return answer;
    }

    /// <inheritdoc />
    public async Task<ConnectionCheck> TestConnectionAsync(CancellationToken ct)
    {
        var answer = await _graphql.SendAsync("query{shop{name}}", null, 2, ct, waitForBudget: true);
        return answer.Failure is { } failure
            ? new ConnectionCheck(false, failure.ToString())
            : new ConnectionCheck(true, $"connected to {answer.Data!["shop"]?["name"]}");
    }

    /// <inheritdoc />
    public async Task<(CallOutcome Outcome, OrderPage? Page)> PullOrdersAsync(OrderPageRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var first = Math.Clamp(request.PerPage, 1, Math.Max(1, (_maxQueryCost - 2) / ShopifyOrderReader.OrderCost));
        var variables = new JsonObject
        {
            ["first"] = first, ["after"] = request.Cursor,
            ["q"] = ShopifyOrderReader.UpdatedSince(request.UpdatedSince ?? DateTimeOffset.UnixEpoch),
        };
        var answer = await _graphql.SendAsync(ShopifyOrderReader.PageQuery, variables, 2 + first * ShopifyOrderReader.OrderCost, ct);
        if (answer.Failure is { } failure) return (failure, null);
        if (answer.Data!["orders"] is not JsonObject connection || connection["nodes"] is not JsonArray nodes)
            return (new CallOutcome.TransientFailure($"orders answer is not a page of orders: {_graphql.Excerpt(answer.Data.ToJsonString())}"), null);
        var orders = new List<MarketplaceOrder>();
        var unreadable = new List<UnreadableOrder>();
        foreach (var node in nodes)
        {
            if (node is not JsonObject o)
            {
                unreadable.Add(new UnreadableOrder(null, "order is not a JSON object", node?.ToJsonString() ?? "null"));
                continue;
            }
            var (lines, more) = await LinesAsync(o, ct);
            if (more is { } linesFailed) return (linesFailed, null);
            try
            {
                orders.Add(ShopifyOrderReader.Read(o, lines, _customerPrefix, _byBarcode));
            }
            catch (Exception ex) when (ex is UnreadableOrderException or InvalidOperationException or FormatException)
            {
                unreadable.Add(new UnreadableOrder(o["id"]?.ToString() is { } gid ? ShopifyIds.Tail(gid) : null, _graphql.Excerpt(ex.Message), o.ToJsonString()));
            }
        }
        var pageInfo = connection["pageInfo"];
        var hasNext = pageInfo?["hasNextPage"] is JsonValue h && h.TryGetValue<bool>(out var b) && b;
        return (CallOutcome.Success, new OrderPage(orders, unreadable, nodes.Count, pageInfo?["endCursor"]?.ToString(), hasNext));
    }

    /// <summary>An order's lines: those the page brought, and the rest read for an order with more than fit.</summary>
    private async Task<(List<JsonObject> Lines, CallOutcome? Failure)> LinesAsync(JsonObject order, CancellationToken ct)
    {
        var lines = (order["lineItems"]?["nodes"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var info = order["lineItems"]?["pageInfo"];
        while (info?["hasNextPage"] is JsonValue more && more.TryGetValue<bool>(out var hasMore) && hasMore)
        {
            var answer = await _graphql.SendAsync(ShopifyOrderReader.MoreLinesQuery,
                new JsonObject { ["id"] = order["id"]?.ToString(), ["after"] = info["endCursor"]?.ToString() }, ShopifyOrderReader.MoreLinesCost, ct, waitForBudget: true);
            if (answer.Failure is { } failure) return (lines, failure);
            var items = answer.Data!["order"]?["lineItems"];
            lines.AddRange((items?["nodes"] as JsonArray ?? []).OfType<JsonObject>());
            info = items?["pageInfo"];
        }
        return (lines, null);
    }

    /// <inheritdoc />
    /// <remarks>Shopify has no acknowledgement: the cursor is the only bookkeeping.</remarks>
    public Task<CallOutcome> AcknowledgeAsync(IReadOnlyList<string> orderIds, CancellationToken ct) => Task.FromResult(CallOutcome.Success);

    /// <inheritdoc />
    public Task<CallOutcome> UpdateOrderStatusAsync(string orderId, OrderStatusUpdate update, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentNullException.ThrowIfNull(update);
        var gid = ShopifyIds.Gid("Order", orderId);
        return update.Status switch
        {
            ShopifyStatusModel.Fulfilled => FulfilAsync(gid, ct),
            ShopifyStatusModel.Cancelled => CancelAsync(gid, update.Reason, ct),
            _ => Task.FromResult<CallOutcome>(new CallOutcome.Refused(0, $"Shopify has no seller action that sets an order {update.Status}")),
        };
    }

    private async Task<CallOutcome> FulfilAsync(string orderGid, CancellationToken ct)
    {
        var read = await _graphql.SendAsync("query($id:ID!){order(id:$id){fulfillmentOrders(first:10){nodes{id status}}}}",
            new JsonObject { ["id"] = orderGid }, 13, ct);
        if (read.Failure is { } failure) return failure;
        if (read.Data!["order"] is not JsonObject order) return new CallOutcome.Refused(404, $"Shopify has no order {orderGid}");
        var fulfillmentOrders = (order["fulfillmentOrders"]?["nodes"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var open = fulfillmentOrders.Where(f => f["status"]?.ToString() is "OPEN" or "IN_PROGRESS").Select(f => f["id"]!.ToString()).ToList();
        if (open.Count == 0)
            return fulfillmentOrders.Count > 0 && fulfillmentOrders.All(f => f["status"]?.ToString() == "CLOSED")
                ? CallOutcome.Success // fulfilled already (a lost answer, or done in Shopify)
                : new CallOutcome.Refused(422, "no fulfillment order can be fulfilled (statuses: "
                    + string.Join(", ", fulfillmentOrders.Select(f => f["status"]?.ToString())) + ")");
        var fulfillment = new JsonObject
        {
            ["lineItemsByFulfillmentOrder"] = new JsonArray(open.Select(id => (JsonNode)new JsonObject { ["fulfillmentOrderId"] = id }).ToArray()),
            ["notifyCustomer"] = _own.NotifyCustomer,
        };
        var answer = await _graphql.SendAsync("mutation($f:FulfillmentInput!){fulfillmentCreate(fulfillment:$f){fulfillment{id status} userErrors{field message}}}",
            new JsonObject { ["f"] = fulfillment }, 10, ct, waitForBudget: true);
        return answer.Failure ?? UserErrors(answer.Data!["fulfillmentCreate"]?["userErrors"]);
    }

    private async Task<CallOutcome> CancelAsync(string orderGid, string? reason, CancellationToken ct)
    {
        var code = reason is not null && CancelReasons.Contains(reason.ToUpperInvariant()) ? reason.ToUpperInvariant() : _own.CancelReason;
        var variables = new JsonObject
        {
            ["id"] = orderGid, ["reason"] = code, ["restock"] = _own.RestockOnCancel, ["notify"] = _own.NotifyCustomer,
            ["note"] = "Cancelled in the ERP" + (reason is null || reason.Equals(code, StringComparison.OrdinalIgnoreCase) ? "" : ": " + reason),
            ["refund"] = new JsonObject { ["originalPaymentMethodsRefund"] = _own.RefundOnCancel },
        };
        var answer = await _graphql.SendAsync(
            "mutation($id:ID!,$reason:OrderCancelReason!,$restock:Boolean!,$notify:Boolean,$note:String,$refund:OrderCancelRefundMethodInput)"
            + "{orderCancel(orderId:$id,reason:$reason,restock:$restock,notifyCustomer:$notify,staffNote:$note,refundMethod:$refund){job{id} orderCancelUserErrors{field message code}}}",
            variables, 10, ct);
        if (answer.Failure is { } failure) return failure;
        var errors = answer.Data!["orderCancel"]?["orderCancelUserErrors"] as JsonArray ?? [];
        // Cancelled already (a lost answer, or cancelled in Shopify meanwhile): what was asked is so.
        if (errors.OfType<JsonObject>().Any(e => e["code"]?.ToString() == "ORDER_ALREADY_CANCELLED"
                                                || (e["message"]?.ToString() ?? "").Contains("already been cancelled", StringComparison.OrdinalIgnoreCase)))
            return CallOutcome.Success;
        return UserErrors(errors);
    }

    private CallOutcome UserErrors(JsonNode? errors)
    {
        var list = (errors as JsonArray ?? []).OfType<JsonObject>().Select(e => e["message"]?.ToString() ?? e.ToJsonString()).ToList();
        return list.Count == 0 ? CallOutcome.Success : new CallOutcome.Refused(422, _graphql.Excerpt(string.Join("; ", list)));
    }

    /// <inheritdoc />
    public Task<CallOutcome> UpdateOrderLinesAsync(string orderId, IReadOnlyList<OrderLineChange> changes, CancellationToken ct) =>
        Task.FromResult<CallOutcome>(new CallOutcome.Refused(0, "line edits are not synced to Shopify"));

    public void Dispose() => _graphql.Dispose();

    /// <summary>One push's bookkeeping: its items, the refusals so far, and whether any call went out.</summary>
    private sealed class ShopifyPush(IReadOnlyList<PushItem> items)
    {
        private readonly Dictionary<int, List<string>> _rejected = new();

        public IReadOnlyList<PushItem> Items => items;
        public IReadOnlyDictionary<int, List<string>> Rejected => _rejected;
        public bool Sent { get; set; }

        public void Reject(int item, string reason)
        {
            if (!_rejected.TryGetValue(item, out var reasons)) _rejected[item] = reasons = [];
            if (!reasons.Contains(reason)) reasons.Add(reason);
        }

        public CallOutcome Outcome(IEnumerable<string>? unattributed = null) =>
            new CallOutcome.Accepted(_rejected.Select(kv => new ItemRejection(kv.Key, string.Join("; ", kv.Value))).ToList(), true,
                unattributed?.ToList() is { Count: > 0 } u ? u : null);
    }
}
