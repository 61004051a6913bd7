using Akka.Cluster.Sharding;
using CartonaActors.Domain.Erp;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Engine;

public sealed class ProductMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as IWithProductId)?.ProductId;
}

public sealed class ProductRangeMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as IWithRangeId)?.RangeId;
}

public sealed class MarketplaceMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as IWithConnectionId)?.ConnectionId;
}

public sealed class PushSliceMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as IWithSliceId)?.SliceId;
}

public sealed class ProductFollowerMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as IWithFollowerId)?.FollowerId;
}

public sealed class ErpTaskMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as IWithErpTaskId)?.TaskId;
}

public sealed class OrderMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as IWithOrderId)?.OrderId;
}

public sealed class CustomerMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as IWithCustomerId)?.CustomerId;
}

/// <summary>The sync log's two entities: the projection (one per cluster) and the refusal recorder.</summary>
public sealed class SyncLogMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => message switch
    {
        Domain.SyncLog.InputRefused => SyncLog.InputRefusalRecorder.Id,
        Domain.SyncLog.StartSyncLogProjection or Domain.SyncLog.GetSyncLogProjection => SyncLog.SyncLogProjection.Id,
        _ => null,
    };
}
