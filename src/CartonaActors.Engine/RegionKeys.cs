namespace CartonaActors.Engine;

/// <summary>ActorRegistry key of the product shard region.</summary>
public sealed class ProductRegion;

/// <summary>ActorRegistry key of the product range shard region (ERP variants no entity of their own needed yet).</summary>
public sealed class ProductRangeRegion;

/// <summary>ActorRegistry key of the marketplace shard region.</summary>
public sealed class MarketplaceRegion;

/// <summary>ActorRegistry key of the push slice shard region (each connection's push bookkeeping).</summary>
public sealed class PushSliceRegion;

/// <summary>ActorRegistry key of the product change follower's shard region (one entity cluster-wide).</summary>
public sealed class ProductFollowerRegion;

/// <summary>ActorRegistry key of the ERP connector's task region (model pollers, catalog load).</summary>
public sealed class ErpRegion;

/// <summary>ActorRegistry key of this node's Odoo change collector (webhook hints).</summary>
public sealed class OdooChangeCollectorKey;

/// <summary>ActorRegistry key of the order shard region.</summary>
public sealed class OrderRegion;

/// <summary>ActorRegistry key of the customer (retailer) shard region.</summary>
public sealed class CustomerRegion;

/// <summary>ActorRegistry key of this node's ERP order watcher (sale.order / stock.picking webhook hints).</summary>
public sealed class ErpOrderWatcherKey;

/// <summary>ActorRegistry key of the sync log's shard region (its projection and the refusal recorder).</summary>
public sealed class SyncLogRegion;
