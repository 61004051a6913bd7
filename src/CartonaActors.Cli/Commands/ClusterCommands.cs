using System.CommandLine;
using Spectre.Console;

namespace CartonaActors.Cli.Commands;

public static class ClusterCommands
{
    public static Command Cluster()
    {
        var show = new Command("show", "Cluster members and their status, the leader, unreachable nodes");
        CommandContext.Runs(async (_, c, ct) =>
        {
            var members = await c.Api.GetAsync("/api/cluster/members", ct);
            if (c.Json)
            {
                c.WriteJson(members);
                return ExitCodes.Ok;
            }
            c.Console.WriteLine($"leader: {members.Str("leader") ?? "(none)"}   asked: {members.Str("self")}");
            var table = new Table().AddColumns("address", "status", "roles");
            foreach (var m in members.Items("members"))
                table.AddRow(Markup.Escape(m.Str("address") ?? ""), Markup.Escape(m.Str("status") ?? ""), Markup.Escape(m.Str("roles") ?? ""));
            c.Console.Write(table);
            var unreachable = members.Items("unreachable").Select(JsonRead.Text).ToList();
            c.Console.WriteLine(unreachable.Count == 0 ? "unreachable: none" : "unreachable: " + string.Join(", ", unreachable));
            return unreachable.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        })(show);
        return new Command("cluster", "The Akka.NET cluster") { show };
    }

    public static Command Shards()
    {
        var show = new Command("show", "Shard regions with shards and entities per node");
        CommandContext.Runs(async (_, c, ct) =>
        {
            var regions = await c.Api.GetAsync("/api/cluster/shards", ct);
            return c.Show(regions, () => RenderShards(c, regions));
        })(show);
        return new Command("shards", "Cluster sharding") { show };
    }

    private static void RenderShards(CommandContext c, System.Text.Json.JsonElement regions)
    {
        var table = new Table().AddColumns("region", "node", "shards", "entities", "failed shards");
        foreach (var r in regions.Items())
        {
            if (r.Str("error") is { } error)
            {
                table.AddRow(Markup.Escape(r.Str("region") ?? ""), "-", "-", "-", Markup.Escape(error));
                continue;
            }
            foreach (var n in r.Items("nodes"))
                table.AddRow(Markup.Escape(r.Str("region") ?? ""), Markup.Escape(n.Str("address") ?? ""), $"{n.Long("shards")}", $"{n.Long("entities")}", $"{n.Long("failedShards")}");
        }
        c.Console.Write(table);
    }
}
