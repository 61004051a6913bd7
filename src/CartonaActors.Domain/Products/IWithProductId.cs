namespace CartonaActors.Domain.Products;

/// <summary>A message routed to one product entity.</summary>
public interface IWithProductId
{
    string ProductId { get; }
}

/// <summary>Marks messages and state that cross a process boundary (journal, snapshot or remoting) and so
/// must be bound to a serializer with a stable manifest.</summary>
public interface IWireSerializable;

/// <summary>A persisted fact about a product.</summary>
public interface IProductEvent : IWithProductId, IWireSerializable
{
    long Version { get; }
}
