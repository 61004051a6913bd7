using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Marketplaces;

/// <summary>Send one bulk call; the answer goes to the sender.</summary>
public sealed record SendBatch(long BatchId, IReadOnlyList<PushItem> Items);

/// <summary>How a bulk call ended.</summary>
public sealed record BatchCompleted(long BatchId, IReadOnlyList<PushItem> Items, PushOutcome Outcome);

/// <summary>
/// Makes the HTTP calls for one marketplace connection, several at once, and never decides to retry: it turns
/// every answer (or failure) into a <see cref="BatchCompleted"/> for the entity. It runs under a
/// BackoffSupervisor so a worker that cannot even be built is restarted with growing pauses.
/// </summary>
public sealed class MarketplaceWorker : ReceiveActor
{
    private readonly IMarketplaceClient _client;
    private readonly CancellationTokenSource _stopping = new();

    public static Props PropsFor(Func<IMarketplaceClient> clientFactory) =>
        Props.Create(() => new MarketplaceWorker(clientFactory));

    public MarketplaceWorker(Func<IMarketplaceClient> clientFactory)
    {
        _client = clientFactory();
        Receive<SendBatch>(batch =>
        {
            _client.PushAsync(batch.Items, _stopping.Token).PipeTo(Sender,
                success: outcome => new BatchCompleted(batch.BatchId, batch.Items, outcome),
                failure: ex => new BatchCompleted(batch.BatchId, batch.Items,
                    new PushOutcome.TransientFailure($"push failed: {ex.GetType().Name}")));
        });
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        (_client as IDisposable)?.Dispose();
        base.PostStop();
    }
}
