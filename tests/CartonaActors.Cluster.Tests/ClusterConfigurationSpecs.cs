using Akka.Configuration;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.Hosting;

namespace CartonaActors.Cluster.Tests;

/// <summary>The split-brain resolver per cluster size, and configurations refused before a node starts.</summary>
public sealed class ClusterConfigurationSpecs
{
    [Fact]
    public async Task A_node_with_a_SQLite_journal_and_seed_nodes_refuses_to_start_naming_both_keys()
    {
        var port = FreePorts.Take(1)[0];
        var log = Path.Combine(Directory.CreateTempSubdirectory("cartona-refusal-").FullName, "node.log");
        await using var node = ServiceProcess.Start("sqlite-with-seeds", new Dictionary<string, string>
        {
            ["CartonaActors__Persistence__Provider"] = "Sqlite",
            ["CartonaActors__Cluster__Port"] = "0",
            ["CartonaActors__Cluster__SeedNodes__0"] = "akka.tcp://cartona-actors@127.0.0.1:4053",
        }, new Uri($"http://127.0.0.1:{port}/"), log);

        Assert.Equal(2, await node.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var text = node.LogText();
        Assert.Contains("CartonaActors:Persistence:Provider", text);
        Assert.Contains("CartonaActors:Cluster:SeedNodes", text);
        Assert.DoesNotContain("Unhandled exception", text);
        // Refused before anything started: no actor system, no journal file.
        Assert.DoesNotContain("Cluster Node", text);
    }

    [Theory]
    [InlineData(SplitBrainStrategy.KeepOldest, "keep-oldest")]     // 2 nodes
    [InlineData(SplitBrainStrategy.KeepMajority, "keep-majority")] // 3 and 5 nodes
    public void The_strategy_for_the_cluster_size_is_rendered_with_its_stable_after(SplitBrainStrategy strategy, string expected)
    {
        var config = ConfigurationFactory.ParseString(SplitBrainHocon.Render(new SplitBrainOptions { Strategy = strategy, StableAfter = TimeSpan.FromSeconds(7) }))
            .WithFallback(HoconFiles.Load("akka.hocon"));
        Assert.Equal(expected, config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(TimeSpan.FromSeconds(7), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.False(config.GetBoolean("akka.cluster.split-brain-resolver.keep-oldest.down-if-alone"));
        Assert.True(config.GetBoolean("akka.cluster.split-brain-resolver.down-all-when-unstable"));
    }

    [Fact]
    public void A_static_quorum_needs_its_size_and_keeps_it()
    {
        var refused = Assert.Throws<ArgumentException>(() => SplitBrainHocon.Render(new SplitBrainOptions { Strategy = SplitBrainStrategy.StaticQuorum }));
        Assert.Contains("CartonaActors:Cluster:SplitBrain:QuorumSize", refused.Message);

        var config = ConfigurationFactory.ParseString(SplitBrainHocon.Render(new SplitBrainOptions { Strategy = SplitBrainStrategy.StaticQuorum, QuorumSize = 3 }));
        Assert.Equal("static-quorum", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(3, config.GetInt("akka.cluster.split-brain-resolver.static-quorum.quorum-size"));
    }

    [Fact]
    public void The_embedded_default_is_keep_majority_and_seed_nodes_with_PostgreSql_pass_the_check()
    {
        Assert.Equal("keep-majority", HoconFiles.Load("akka.hocon").GetString("akka.cluster.split-brain-resolver.active-strategy"));
        var options = new CartonaActorsOptions
        {
            Persistence = { Provider = PersistenceProvider.PostgreSql, ConnectionString = "Host=db" },
            Cluster = { SeedNodes = ["akka.tcp://cartona-actors@node-0:4053"] },
        };
        ClusterPreconditions.Check(options);
        options.Persistence.Provider = PersistenceProvider.Sqlite;
        Assert.Throws<ClusterConfigurationException>(() => ClusterPreconditions.Check(options));
    }
}
