namespace CartonaActors.Engine.Configuration;

/// <summary>How a partitioned or crashed cluster decides which side keeps running (Akka's split-brain resolver).
/// Bound from <c>CartonaActors:Cluster:SplitBrain</c>; ops/CLUSTER.md says which strategy fits 2, 3 and 5 nodes.</summary>
public sealed class SplitBrainOptions
{
    public const string Section = "CartonaActors:Cluster:SplitBrain";

    public SplitBrainStrategy Strategy { get; set; } = SplitBrainStrategy.KeepMajority;

    /// <summary>Only for <see cref="SplitBrainStrategy.StaticQuorum"/>: the fewest nodes a side needs to keep running.</summary>
    public int QuorumSize { get; set; }

    /// <summary>How long membership must stay unchanged before the resolver acts on unreachable nodes (a crashed
    /// node's shards move only then). Shorter means faster take-over and more risk of downing a node that was only slow.</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(20);
}

public enum SplitBrainStrategy
{
    /// <summary>The side with more than half of the nodes survives; on an even split, the side holding the lowest address.</summary>
    KeepMajority,

    /// <summary>The side with the oldest node survives (it hosts the shard coordinator). Meant for 2 nodes.</summary>
    KeepOldest,

    /// <summary>A side with at least <see cref="SplitBrainOptions.QuorumSize"/> nodes survives; smaller sides down themselves.</summary>
    StaticQuorum,
}
