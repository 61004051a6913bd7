namespace CartonaActors.Engine;

/// <summary>ActorRegistry key of the product shard region.</summary>
public sealed class ProductRegion;

/// <summary>ActorRegistry key of the marketplace shard region.</summary>
public sealed class MarketplaceRegion;

/// <summary>ActorRegistry key of the product roster shard region.</summary>
public sealed class RosterRegion;
