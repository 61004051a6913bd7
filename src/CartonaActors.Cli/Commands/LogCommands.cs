using System.CommandLine;
using System.Text.Json;

namespace CartonaActors.Cli.Commands;

public static class LogCommands
{
    private static readonly TimeSpan FollowEvery = TimeSpan.FromSeconds(2);

    public static Command Log()
    {
        var connection = new Option<string?>("--connection") { Description = "Only this connection" };
        var level = new Option<string?>("--level") { Description = "Only this level: info, warning or error" };
        level.AcceptOnlyFromAmong("info", "warning", "error");
        var kind = new Option<string?>("--kind") { Description = "Only this kind of row (e.g. item_rejected)" };
        var product = new Option<string?>("--product") { Description = "Only rows of this product" };
        var order = new Option<string?>("--order") { Description = "Only rows of this order (<connection>/<order id>)" };
        var limit = new Option<int>("--limit") { Description = "How many of the newest rows (default 50)", DefaultValueFactory = _ => 50 };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new rows as they come (Ctrl-C ends)" };
        var tail = new Command("tail", "The newest sync log rows, oldest first") { connection, level, kind, product, order, limit, follow };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            var filter = new Filter(parse.GetValue(connection), parse.GetValue(level), parse.GetValue(kind), parse.GetValue(product), parse.GetValue(order));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var first = await ReadAsync(c, filter, Math.Clamp(parse.GetValue(limit), 1, 1000), ct);
            Print(c, first, seen);
            if (first.Count == 0 && !c.Json) Console.Error.WriteLine("(no sync log rows" + (filter.Query.Length > 0 ? " for " + filter.Query : "") + ")");
            if (!parse.GetValue(follow)) return ExitCodes.Ok;
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(FollowEvery, ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                Print(c, await ReadAsync(c, filter, 1000, ct), seen);
            }
            return ExitCodes.Ok;
        })(tail);
        return new Command("log", "The cluster-wide sync log") { tail };
    }

    private sealed record Filter(string? Connection, string? Level, string? Kind, string? Product, string? Order)
    {
        public string Query => string.Join("&", new[] { ("connection", Connection), ("level", Level), ("kind", Kind), ("product", Product), ("order", Order) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

        public bool Keeps(JsonElement r) =>
            (Connection is null || r.Str("connection") == Connection) && (Level is null || SyncLogRows.Level(r) == Level)
            && (Kind is null || r.Str("kind") == Kind) && (Product is null || r.Str("productId") == Product)
            && (Order is null || r.Str("orderId") == Order || r.Str("productId") == Order);
    }

    private static async Task<List<JsonElement>> ReadAsync(CommandContext c, Filter filter, int limit, CancellationToken ct)
    {
        var rows = await SyncLogRows.ForAsync(c.Api, filter.Query, filter.Keeps, limit, ct);
        rows.Reverse(); // the API answers newest first; a tail reads oldest first
        return rows;
    }

    private static void Print(CommandContext c, List<JsonElement> rows, HashSet<string> seen)
    {
        foreach (var r in rows)
        {
            // Rows have an id in the journal-fed log; rows of an older service are told apart by their content.
            if (!seen.Add(r.Str("id") ?? r.GetRawText())) continue;
            if (c.Json) Console.Out.WriteLine(r.GetRawText());
            else Console.Out.WriteLine($"{r.When("at")} {SyncLogRows.Level(r),-7} {r.Str("kind"),-22} {r.Str("connection") ?? "-",-12} {r.Str("productId") ?? r.Str("orderId") ?? "-",-20} {SyncLogRows.Message(r)}");
        }
        Console.Out.Flush();
    }
}
