using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace CartonaActors.Cli.Commands;

public static class ConnectionCommands
{
    private static Command List()
    {
        var list = new Command("list", "Every connection with its queue, pace and health");
        CommandContext.Runs(async (_, c, ct) =>
        {
            var all = await c.Api.GetAsync("/api/connections", ct);
            return c.Show(all, () => RenderList(c, all));
        })(list);
        return list;
    }

    private static void RenderList(CommandContext c, JsonElement all)
    {
        var table = new Table().AddColumns("connection", "health", "waiting", "in flight", "delivered", "refused", "failed calls", "last error");
        foreach (var s in all.Items())
        {
            var ledger = s.Get("ledger") ?? default;
            table.AddRow(Markup.Escape(s.Str("connectionId") ?? ""), Markup.Escape(Health(s)), $"{s.Long("waiting")}", $"{s.Long("inFlightItems")}",
                $"{ledger.Long("itemsDelivered")}", $"{ledger.Long("itemsRejected")}", $"{ledger.Long("failedCalls")}", Markup.Escape(ledger.Str("lastError") ?? "-"));
        }
        c.Console.Write(table);
    }

    public static Command Connection()
    {
        var list = List();
        var name = new Argument<string>("name") { Description = "The connection's name (CartonaActors:Connections:N:Name)" };
        var show = new Command("show", "One connection: pacing budget, backoff, buffer, last pull and cursor, error rate, read-back drift") { name };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            var s = await c.Api.GetAsync(ConnectionPath(parse.GetValue(name)!), ct);
            return c.Show(s, () => Render(c, s));
        })(show);

        var reason = new Option<string?>("--reason") { Description = "Why (shown in the connection's state and the log)" };
        var pause = new Command("pause", "Stop every call to the marketplace until resumed; changes keep being recorded") { name, reason };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            var query = parse.GetValue(reason) is { } r ? "?reason=" + Uri.EscapeDataString(r) : "";
            var s = await c.Api.PostAsync(ConnectionPath(parse.GetValue(name)!) + "/pause" + query, ct);
            if (c.Json) c.WriteJson(s);
            else c.Console.WriteLine($"{parse.GetValue(name)}: paused ({(s.Get("ledger") ?? default).Get("paused")?.Str("reason")}); {s.Long("waiting")} pushes wait");
            return ExitCodes.Ok;
        })(pause);

        var resume = new Command("resume", "Let the connection call the marketplace again") { name };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            var s = await c.Api.PostAsync(ConnectionPath(parse.GetValue(name)!) + "/resume", ct);
            if (c.Json) c.WriteJson(s);
            else c.Console.WriteLine($"{parse.GetValue(name)}: resumed; {s.Long("waiting")} pushes waiting go now");
            return ExitCodes.Ok;
        })(resume);

        var test = new Command("test", "Call the marketplace with the configured credentials and say whether it works") { name };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            var r = await c.Api.PostAsync(ConnectionPath(parse.GetValue(name)!) + "/test", ct);
            if (c.Json) c.WriteJson(r);
            else c.Console.WriteLine($"{r.Str("connection")} ({r.Str("platform")}): {(r.Bool("ok") ? "ok" : "FAILED")}: {r.Str("message")}");
            return r.Bool("ok") ? ExitCodes.Ok : ExitCodes.Failed;
        })(test);

        var pull = new Command("pull", "Pull the connection's orders now") { name };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            await c.Api.PostAsync(ConnectionPath(parse.GetValue(name)!) + "/pull-orders", ct);
            if (c.Json) c.WriteJson(new { connection = parse.GetValue(name), pull = "started" });
            else c.Console.WriteLine($"{parse.GetValue(name)}: order pull started; follow it with 'cartonactl log tail --connection {parse.GetValue(name)} --follow'");
            return ExitCodes.Ok;
        })(pull);

        return new Command("connection", "Marketplace connections") { list, show, pause, resume, test, pull };
    }

    private static string ConnectionPath(string name) => "/api/connections/" + Uri.EscapeDataString(name);

    public static string Health(JsonElement s)
    {
        var ledger = s.Get("ledger") ?? default;
        if (ledger.Get("paused") is not null) return "paused";
        if (s.Long("consecutiveFailures") is > 0) return $"failing ({s.Long("consecutiveFailures")} calls in a row)";
        if (s.Str("pausedUntil") is not null) return "backing off";
        return "ok";
    }

    private static void Render(CommandContext c, JsonElement s)
    {
        var ledger = s.Get("ledger") ?? default;
        var calls = (ledger.Long("batches") ?? 0) + (ledger.Long("failedCalls") ?? 0);
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string k, string v) => grid.AddRow(Markup.Escape(k), Markup.Escape(v));
        Row("connection", s.Str("connectionId") ?? "");
        Row("health", Health(s));
        if (ledger.Get("paused") is { } p) Row("paused by an operator", $"{p.Str("reason")} (since {p.When("at")})");
        Row("pacing budget", s.Get("pacingBudget") is { } b ? $"{b.GetDouble():0.##} calls available now" : "-");
        Row("backoff", s.Str("pausedUntil") is { } until ? $"no calls until {s.When("pausedUntil")} ({until})" : "none");
        Row("batch limit", $"{s.Long("batchLimit")} items per call");
        Row("buffer", $"{s.Long("waiting")} waiting, {s.Long("inFlightItems")} in flight");
        Row("delivered", $"{ledger.Long("itemsDelivered")} items in {ledger.Long("batches")} calls, {ledger.Long("itemsRejected")} refused, last at {ledger.When("lastDeliveredAt")}");
        Row("error rate", calls == 0 ? "no calls yet" : $"{ledger.Long("failedCalls")} failed of {calls} calls ({100.0 * (ledger.Long("failedCalls") ?? 0) / calls:0.#}%), {s.Long("consecutiveFailures")} in a row now");
        Row("last error", ledger.Str("lastError") ?? "none");
        Row("orders", $"{ledger.Long("ordersPulled")} pulled, last pull {ledger.When("lastOrderPullAt")}, cursor {ledger.When("orderCursor")}");
        Row("read-back", $"{ledger.Long("readBackPasses")} passes, {ledger.Long("readBackDrifted")} products found drifted" +
                         (ledger.Get("lastReadBack") is { } rb ? $", last finished {rb.When("finishedAt")}" : ""));
        if (s.Get("syncAll") is { } sa) Row("sync all", $"{sa.Long("remaining")} of {sa.Long("total")} still to confirm");
        c.Console.Write(grid);
        var issues = ledger.Items("recentIssues").Reverse().Take(10).ToList();
        if (issues.Count > 0)
        {
            var table = new Table().AddColumns("at", "kind", "product", "reason");
            foreach (var i in issues) table.AddRow(i.When("at"), Markup.Escape(i.Str("kind") ?? ""), Markup.Escape(i.Str("productId") ?? "-"), Markup.Escape(i.Str("reason") ?? ""));
            c.Console.Write(table);
        }
    }
}
