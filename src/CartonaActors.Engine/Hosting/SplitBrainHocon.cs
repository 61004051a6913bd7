using System.Globalization;
using CartonaActors.Engine.Configuration;

namespace CartonaActors.Engine.Hosting;

/// <summary>Turns <see cref="SplitBrainOptions"/> into the resolver's HOCON, refusing settings Akka would only
/// notice at the first partition.</summary>
public static class SplitBrainHocon
{
    public static string Render(SplitBrainOptions options)
    {
        if (options.StableAfter <= TimeSpan.Zero)
            throw new ArgumentException($"{SplitBrainOptions.Section}:StableAfter must be positive (was {options.StableAfter})");
        var strategy = options.Strategy switch
        {
            SplitBrainStrategy.KeepMajority => "keep-majority",
            SplitBrainStrategy.KeepOldest => "keep-oldest",
            SplitBrainStrategy.StaticQuorum when options.QuorumSize >= 1 => "static-quorum",
            SplitBrainStrategy.StaticQuorum => throw new ArgumentException(
                $"{SplitBrainOptions.Section}:QuorumSize must be at least 1 with Strategy StaticQuorum (e.g. 3 for 5 nodes)"),
            _ => throw new ArgumentException($"{SplitBrainOptions.Section}:Strategy '{options.Strategy}' is unknown"),
        };
        var stableAfterMs = ((long)options.StableAfter.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        // down-if-alone off: with it on, a 2-node cluster would down the oldest when it is the one left alone,
        // and the strategy would no longer say which node survives.
        return $$"""
            akka.cluster.split-brain-resolver {
              active-strategy = {{strategy}}
              stable-after = {{stableAfterMs}}ms
              keep-oldest.down-if-alone = off
              static-quorum.quorum-size = {{Math.Max(1, options.QuorumSize).ToString(CultureInfo.InvariantCulture)}}
            }
            """;
    }
}
