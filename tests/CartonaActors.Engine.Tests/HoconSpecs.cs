using CartonaActors.Engine.Hosting;

namespace CartonaActors.Engine.Tests;

/// <summary>The hocon/ files are embedded and hold the knobs the engine relies on.</summary>
public class HoconSpecs
{
    [Fact]
    public void The_split_brain_resolver_and_sharding_buffer_are_set()
    {
        var config = HoconFiles.Load("akka.hocon");
        Assert.Equal("Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster", config.GetString("akka.cluster.downing-provider-class"));
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(100_000, config.GetInt("akka.cluster.sharding.buffer-size"));
    }

    [Fact]
    public void Sqlite_writes_through_a_single_connection()
    {
        Assert.Equal(1, HoconFiles.Load("sqlite.hocon").GetInt("akka.persistence.journal.sql.parallelism"));
        Assert.True(HoconFiles.Load("postgresql.hocon").GetInt("akka.persistence.journal.sql.parallelism") > 1);
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => HoconFiles.Load("nope.hocon"));
        Assert.Contains("hocon/nope.hocon", ex.Message);
    }
}
