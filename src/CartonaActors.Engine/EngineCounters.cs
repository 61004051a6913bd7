using Akka.Actor;

namespace CartonaActors.Engine;

/// <summary>Counters an operator (or the benchmark) reads to see what work this node's engine did, e.g. that a
/// restart woke no product. Counted since the actor system started.</summary>
public sealed class EngineCounters : IExtension
{
    private long _productsStarted;

    public long ProductsStarted => Interlocked.Read(ref _productsStarted);

    public static EngineCounters For(ActorSystem system) => system.WithExtension<EngineCounters, EngineCountersId>();

    internal void ProductStarted() => Interlocked.Increment(ref _productsStarted);
}

public sealed class EngineCountersId : ExtensionIdProvider<EngineCounters>
{
    public override EngineCounters CreateExtension(ExtendedActorSystem system) => new();
}
