using Akka.Actor;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.ReadBack;
using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Marketplaces;

/// <summary>Send one bulk call; the answer goes to the sender.</summary>
public sealed record SendBatch(long BatchId, IReadOnlyList<PushItem> Items);

/// <summary>How a bulk call ended.</summary>
public sealed record BatchCompleted(long BatchId, IReadOnlyList<PushItem> Items, CallOutcome Outcome);

/// <summary>One order call for the worker: an order's own call, the acknowledgements of several orders in one
/// bulk call, or (no calls) a page of the order source.</summary>
public sealed record SendOrderCall(long Key, IReadOnlyList<OrderCallRequest> Calls, OrderPageRequest? Pull)
{
    public string What => Calls switch
    {
        [] => $"order pull page {Pull!.Page}",
        [var c] => $"order call for {c.MarketplaceOrderId} ({c.What})",
        _ => $"acknowledgement of {Calls.Count} orders",
    };
}

/// <summary>Read one page of the marketplace's product list.</summary>
public sealed record ReadListings(long Key, ListingPageRequest Request);

/// <summary>How a read of the product list ended; <see cref="ReadAt"/> is when the call was made.</summary>
public sealed record ListingsReadCompleted(long Key, ListingPageRequest Request, CallOutcome Outcome, ListingPage? Page, DateTimeOffset ReadAt);

public sealed record OrderCallCompleted(long Key, SendOrderCall Request, CallOutcome Outcome, OrderPage? Page);

/// <summary>
/// Makes the HTTP calls for one marketplace connection, several at once, and never decides to retry: it turns
/// every answer (or failure) into a completion for the entity. It runs under a BackoffSupervisor so a worker
/// that cannot even be built is restarted with growing pauses.
/// </summary>
public sealed class MarketplaceWorker : ReceiveActor
{
    private readonly IMarketplaceClient _client;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<OrderPage, CancellationToken, Task<OrderPage>> _resolveLines;

    /// <param name="resolveLines">Turns a pulled page's line keys into ERP variant ids (null: they are already).</param>
    public static Props PropsFor(Func<IMarketplaceClient> clientFactory, Func<OrderPage, CancellationToken, Task<OrderPage>>? resolveLines = null) =>
        Props.Create(() => new MarketplaceWorker(clientFactory, resolveLines));

    public MarketplaceWorker(Func<IMarketplaceClient> clientFactory, Func<OrderPage, CancellationToken, Task<OrderPage>>? resolveLines)
    {
        _client = clientFactory();
        _resolveLines = resolveLines ?? ((page, _) => Task.FromResult(page));
        Receive<SendOrderCall>(call =>
        {
            if (_client is not IMarketplaceOrders orders)
            {
                Sender.Tell(new OrderCallCompleted(call.Key, call, new CallOutcome.Refused(0, "this platform has no order API"), null));
                return;
            }
            CallAsync(orders, call).PipeTo(Sender,
                failure: ex => new OrderCallCompleted(call.Key, call, new CallOutcome.TransientFailure($"order call failed: {ex.GetType().Name}"), null));
        });
        Receive<ReadListings>(read =>
        {
            var readAt = DateTimeOffset.UtcNow;
            if (_client is not IMarketplaceListings listings)
            {
                Sender.Tell(new ListingsReadCompleted(read.Key, read.Request, new CallOutcome.Refused(0, "this platform lists no products"), null, readAt));
                return;
            }
            listings.ReadListingsAsync(read.Request, _stopping.Token).PipeTo(Sender,
                success: r => new ListingsReadCompleted(read.Key, read.Request, r.Outcome, r.Page, readAt),
                failure: ex => new ListingsReadCompleted(read.Key, read.Request, new CallOutcome.TransientFailure($"product list read failed: {ex.GetType().Name}"), null, readAt));
        });
        Receive<SendBatch>(batch =>
        {
            // The HTTP call's span falls under the batch's: it is current while the call starts, and only then.
            var span = batch.Items.Count == 0 ? null
                : SyncTracing.StartPushBatch(batch.Items[0].ConnectionId, SyncMetrics.For(Context.System).PlatformOf(batch.Items[0].ConnectionId), batch.Items);
            Task<CallOutcome> call;
            try
            {
                call = _client.PushAsync(batch.Items, _stopping.Token);
            }
            finally
            {
                SyncTracing.Detach(span);
            }
            call.PipeTo(Sender,
                success: outcome =>
                {
                    SyncTracing.End(span, outcome.GetType().Name);
                    return new BatchCompleted(batch.BatchId, batch.Items, outcome);
                },
                failure: ex =>
                {
                    SyncTracing.End(span, "exception");
                    return new BatchCompleted(batch.BatchId, batch.Items, new CallOutcome.TransientFailure($"push failed: {ex.GetType().Name}"));
                });
        });
    }

    private async Task<OrderCallCompleted> CallAsync(IMarketplaceOrders orders, SendOrderCall call)
    {
        if (call.Calls is [])
        {
            var (outcome, page) = await orders.PullOrdersAsync(call.Pull!, _stopping.Token);
            if (page is not null && outcome is CallOutcome.Accepted)
            {
                try
                {
                    page = await _resolveLines(page, _stopping.Token);
                }
                catch (Exception ex) when (ex is OdooException or HttpRequestException or TimeoutException)
                {
                    // The page is read again after the backoff, once the ERP answers.
                    return new OrderCallCompleted(call.Key, call,
                        new CallOutcome.TransientFailure($"the ERP could not say which variants the order lines name: {ex.Message}"), null);
                }
            }
            return new OrderCallCompleted(call.Key, call, outcome, page);
        }
        if (call.Calls.All(c => c.Acknowledge))
            return new OrderCallCompleted(call.Key, call,
                await orders.AcknowledgeAsync(call.Calls.Select(c => c.MarketplaceOrderId).ToList(), _stopping.Token), null);
        var c = call.Calls.Single();
        var result = c.Lines is { } lines ? await orders.UpdateOrderLinesAsync(c.MarketplaceOrderId, lines, _stopping.Token)
            : await orders.UpdateOrderStatusAsync(c.MarketplaceOrderId, c.Status!, _stopping.Token);
        return new OrderCallCompleted(call.Key, call, result, null);
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        (_client as IDisposable)?.Dispose();
        base.PostStop();
    }
}
