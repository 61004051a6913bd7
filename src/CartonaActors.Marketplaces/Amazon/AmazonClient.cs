using System.Text.Json.Nodes;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Secrets;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces.Amazon;

/// <summary>
/// One Amazon SP-API connection. A small push is one <c>patchListingsItem</c> per item, answered ACCEPTED or
/// INVALID at once; a larger one is a <c>JSON_LISTINGS_FEED</c>, confirmed only when Amazon has processed it and
/// its report names the messages it refused. Orders come from <c>searchOrders</c> (2026-01-01) by update time;
/// shipping is <c>confirmShipment</c>, a seller cancellation an order acknowledgement feed. Every call waits for its
/// operation's usage plan; none is retried here.
/// </summary>
public sealed class AmazonClient : IMarketplaceClient, IMarketplaceOrders, IDisposable
{
    private const string OrdersPath = "orders/2026-01-01/orders";

    private readonly AmazonApi _api;
    private readonly AmazonFeeds _feeds;
    private readonly AmazonSettings _own;
    private readonly string _customerPrefix;
    private readonly TimeProvider _clock;

    public AmazonClient(ConnectionSettings settings, AmazonSettings own, IReadOnlyDictionary<string, (double Rate, int Burst)> plans,
        string customerPrefix, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(own);
        _clock = clock ?? TimeProvider.System;
        _own = own;
        _customerPrefix = customerPrefix;
        var scrubber = SecretScrubber.For(settings.BaseUrl, settings.Token, own.ClientSecret);
        var tokens = new AmazonAccessTokens(settings.Token, own, scrubber, settings.Timeout, _clock);
        _api = new AmazonApi(settings, new AmazonUsagePlans(plans, _clock), tokens, scrubber);
        _feeds = new AmazonFeeds(_api, own, new AmazonFeedQuota(own.FeedsPerWindow, own.FeedWindow, _clock), _clock);
    }

    /// <inheritdoc />
    public Task<CallOutcome> PushAsync(IReadOnlyList<PushItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return Task.FromResult(CallOutcome.Success);
        return items.Count <= _own.PatchUpTo ? PatchAsync(items, ct) : FeedAsync(items, ct);
    }

    private async Task<CallOutcome> PatchAsync(IReadOnlyList<PushItem> items, CancellationToken ct)
    {
        var rejected = new List<ItemRejection>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"listings/2021-08-01/items/{Uri.EscapeDataString(_own.SellerId!)}/{Uri.EscapeDataString(items[i].Ref.Value)}";
            var answer = await _api.SendAsync("patchListingsItem", HttpMethod.Patch, path,
                new Dictionary<string, string> { ["marketplaceIds"] = _own.MarketplaceId! }, AmazonListingPatches.Request(items[i], _own), ct);
            switch (answer.Failure)
            {
                case CallOutcome.Refused refused:
                    // One item's own call was refused as invalid: the item, not the batch.
                    rejected.Add(new ItemRejection(i, refused.Reason));
                    continue;
                case { } failure:
                    // The items patched so far go again with the rest: a patch applies the same however often it is sent.
                    return failure;
            }
            var status = answer.Body?["status"]?.ToString();
            if (status is "ACCEPTED" or "VALID") continue;
            var issues = (answer.Body?["issues"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(x => string.Equals(x["severity"]?.ToString(), "ERROR", StringComparison.OrdinalIgnoreCase))
                .Select(x => $"{x["code"]}: {x["message"]}").ToList();
            rejected.Add(new ItemRejection(i, _api.Excerpt(issues.Count > 0 ? string.Join("; ", issues) : $"Amazon answered status {status ?? "(none)"}: {answer.Text}")));
        }
        return new CallOutcome.Accepted(rejected, true);
    }

    private async Task<CallOutcome> FeedAsync(IReadOnlyList<PushItem> items, CancellationToken ct)
    {
        // Not a pause of the connection: only these items wait (newer values replacing them), while orders and
        // small patch pushes go on.
        if (_feeds.TakeListingsFeed() is var wait && wait > TimeSpan.Zero)
        {
            var reason = $"Amazon takes {_own.FeedsPerWindow} listings feeds per {_own.FeedWindow.TotalMinutes:0.#} min; the next feed may go in {wait.TotalSeconds:0} s";
            return new CallOutcome.Accepted([], true, Held: items.Select((_, i) => new ItemHold(i, wait, reason)).ToList());
        }
        var (result, failure) = await _feeds.RunAsync(AmazonFeeds.ListingsFeed, "application/json; charset=UTF-8", AmazonListingPatches.Feed(items, _own), ct);
        if (failure is not null) return failure;
        switch (result!.Status)
        {
            case "DONE":
                if (result.Report is null) return new CallOutcome.Accepted([], Verified: false);
                if (AmazonReports.Listings(result.Report, items.Count) is not { } read)
                    return new CallOutcome.Accepted([], false, [$"feed {result.FeedId}: the processing report is unreadable: {_api.Excerpt(result.Report)}"]);
                return new CallOutcome.Accepted(read.Rejected, true, read.Unattributed.Count > 0 ? read.Unattributed.Select(_api.Excerpt).ToList() : null);
            case "FATAL":
                // Amazon processed none of it; halves of the batch isolate what it cannot take.
                var why = result.Report is { } report && AmazonReports.Listings(report, items.Count) is { } fatal && fatal.Unattributed.Count > 0
                    ? string.Join("; ", fatal.Unattributed) : "no report";
                return items.Count > 1
                    ? new CallOutcome.TooLarge($"feed {result.FeedId} of {items.Count} messages ended FATAL: {_api.Excerpt(why)}")
                    : new CallOutcome.Refused(0, $"feed {result.FeedId} ended FATAL: {_api.Excerpt(why)}");
            default:
                return new CallOutcome.TransientFailure($"feed {result.FeedId} ended {result.Status}; its items go again");
        }
    }

    /// <inheritdoc />
    /// <remarks>One order search for the last day, a page of one: it proves the token refresh, the host and the role.</remarks>
    public async Task<ConnectionCheck> TestConnectionAsync(CancellationToken ct)
    {
        var answer = await _api.SendAsync("searchOrders", HttpMethod.Get, OrdersPath, new Dictionary<string, string>
        {
            ["lastUpdatedAfter"] = AmazonOrderReader.Time(_clock.GetUtcNow().AddDays(-1)), ["marketplaceIds"] = _own.MarketplaceId!, ["maxResultsPerPage"] = "1",
        }, null, ct);
        return answer.Failure is { } failure
            ? new ConnectionCheck(false, failure.ToString())
            : new ConnectionCheck(true, $"connected to seller {_own.SellerId} in marketplace {_own.MarketplaceId}");
    }

    /// <inheritdoc />
    public async Task<(CallOutcome Outcome, OrderPage? Page)> PullOrdersAsync(OrderPageRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new Dictionary<string, string>
        {
            ["lastUpdatedAfter"] = AmazonOrderReader.Time(request.UpdatedSince ?? _clock.GetUtcNow().AddDays(-7)),
            ["marketplaceIds"] = _own.MarketplaceId!,
            ["maxResultsPerPage"] = Math.Clamp(request.PerPage, 1, 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["includedData"] = AmazonOrderReader.IncludedData,
        };
        if (!string.IsNullOrEmpty(request.Cursor)) query["paginationToken"] = request.Cursor;
        var answer = await _api.SendAsync("searchOrders", HttpMethod.Get, OrdersPath, query, null, ct);
        if (answer.Failure is { } failure) return (failure, null);
        if (answer.Body?["orders"] is not JsonArray nodes)
            return (new CallOutcome.TransientFailure("searchOrders answered without an orders list: " + _api.Excerpt(answer.Text)), null);
        var (orders, unreadable) = OrderNodes.Read(nodes, o => AmazonOrderReader.Read(o, _customerPrefix), o => AmazonOrderReader.Text(o, "orderId"),
            ex => ex is UnreadableAmazonOrderException, _api.Excerpt);
        var next = answer.Body["pagination"]?["nextToken"]?.ToString();
        return (CallOutcome.Success, new OrderPage(orders, unreadable, nodes.Count, next, !string.IsNullOrEmpty(next)));
    }

    /// <inheritdoc />
    /// <remarks>Amazon has no acknowledgement: the cursor is the only bookkeeping.</remarks>
    public Task<CallOutcome> AcknowledgeAsync(IReadOnlyList<string> orderIds, CancellationToken ct) => Task.FromResult(CallOutcome.Success);

    /// <inheritdoc />
    public async Task<CallOutcome> UpdateOrderStatusAsync(string orderId, OrderStatusUpdate update, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentNullException.ThrowIfNull(update);
        if (update.Status is not (AmazonStatusModel.Shipped or AmazonStatusModel.Cancelled))
            return new CallOutcome.Refused(0, $"Amazon has no seller action that sets an order {update.Status}");
        // The order as Amazon shows it now: a call whose answer was lost may have done what is asked already.
        var read = await _api.SendAsync("getOrder", HttpMethod.Get, OrdersPath + "/" + Uri.EscapeDataString(orderId),
            new Dictionary<string, string> { ["includedData"] = "FULFILLMENT" }, null, ct, waitLong: true);
        if (read.Failure is { } failure) return failure;
        if (read.Body?["order"] is not JsonObject order) return new CallOutcome.Refused(404, $"Amazon has no order {orderId}");
        var status = order["fulfillment"]?["fulfillmentStatus"]?.ToString()?.ToLowerInvariant();
        var items = (order["orderItems"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (status == update.Status) return CallOutcome.Success;
        return update.Status == AmazonStatusModel.Shipped
            ? await ShipAsync(orderId, status, items, update, ct)
            : await CancelAsync(orderId, status, items, update.Reason, ct);
    }

    private async Task<CallOutcome> ShipAsync(string orderId, string? status, IReadOnlyList<JsonObject> items, OrderStatusUpdate update, CancellationToken ct)
    {
        if (status == AmazonStatusModel.Cancelled) return new CallOutcome.Refused(409, $"order {orderId} is cancelled on Amazon; it cannot be shipped");
        var unshipped = items.Select(i => (Id: i["orderItemId"]?.ToString(),
                Quantity: i["fulfillment"]?["quantityUnfulfilled"] is JsonValue u && u.TryGetValue<int>(out var left) ? left
                    : i["quantityOrdered"] is JsonValue q && q.TryGetValue<int>(out var ordered) ? ordered : 0))
            .Where(i => i.Id is not null && i.Quantity > 0).ToList();
        if (unshipped.Count == 0) return CallOutcome.Success;
        var body = new JsonObject
        {
            ["marketplaceId"] = _own.MarketplaceId,
            ["packageDetail"] = new JsonObject
            {
                ["packageReferenceId"] = "1",
                ["carrierCode"] = _own.CarrierCode,
                // The ERP hands over no tracking number; the delivery code or the order id stands in for it.
                ["trackingNumber"] = update.DeliveryCode ?? orderId,
                ["shipDate"] = AmazonOrderReader.Time(_clock.GetUtcNow()),
                ["orderItems"] = new JsonArray(unshipped.Select(i => (JsonNode)new JsonObject { ["orderItemId"] = i.Id, ["quantity"] = i.Quantity }).ToArray()),
            },
        };
        var answer = await _api.SendAsync("confirmShipment", HttpMethod.Post, $"orders/v0/orders/{Uri.EscapeDataString(orderId)}/shipmentConfirmation",
            null, body, ct, waitLong: true);
        return answer.Failure ?? CallOutcome.Success;
    }

    private async Task<CallOutcome> CancelAsync(string orderId, string? status, IReadOnlyList<JsonObject> items, string? reason, CancellationToken ct)
    {
        if (status is AmazonStatusModel.Shipped or AmazonStatusModel.PartiallyShipped)
            return new CallOutcome.Refused(409, $"order {orderId} is {status} on Amazon; a shipped order cannot be cancelled");
        var document = AmazonReports.CancelOrder(_own.SellerId!, orderId,
            items.Select(i => i["orderItemId"]?.ToString()).OfType<string>(), reason ?? AmazonStatusModel.Instance.DefaultCancellationReason);
        var (result, failure) = await _feeds.RunAsync("POST_ORDER_ACKNOWLEDGEMENT_DATA", "text/xml; charset=UTF-8", document, ct);
        if (failure is not null) return failure;
        if (result!.Status != "DONE") return new CallOutcome.TransientFailure($"the cancellation feed {result.FeedId} ended {result.Status}");
        var errors = result.Report is null ? [] : AmazonReports.XmlErrors(result.Report) ?? [];
        return errors.Count == 0 ? CallOutcome.Success : new CallOutcome.Refused(422, _api.Excerpt($"Amazon refused the cancellation: {string.Join("; ", errors)}"));
    }

    /// <inheritdoc />
    public Task<CallOutcome> UpdateOrderLinesAsync(string orderId, IReadOnlyList<OrderLineChange> changes, CancellationToken ct) =>
        Task.FromResult<CallOutcome>(new CallOutcome.Refused(0, "line edits are not synced to Amazon"));

    public void Dispose() => _api.Dispose();
}
