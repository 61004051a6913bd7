using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace CartonaActors.Cli.Commands;

public static class ProductCommands
{
    public static Command Product()
    {
        var id = new Argument<string>("id") { Description = "The product id (the ERP's reference the service keys products by)" };
        var show = new Command("show", "One product: its ERP values and, per connection, what was wanted, sent, confirmed or refused and why") { id };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            var productId = parse.GetValue(id)!;
            var product = await c.Api.GetAsync($"/api/products/{Uri.EscapeDataString(productId)}", ct);
            var log = await SyncLogRows.ForAsync(c.Api, $"product={Uri.EscapeDataString(productId)}", r => r.Str("productId") == productId, 10, ct);
            if (c.Json)
            {
                c.WriteJson(new { product, log });
                return ExitCodes.Ok;
            }
            var paused = (await c.Api.GetAsync("/api/connections", ct)).Items()
                .Where(s => (s.Get("ledger") ?? default).Get("paused") is not null).Select(s => s.Str("connectionId")!).ToHashSet(StringComparer.Ordinal);
            Render(c, product, paused);
            SyncLogRows.Render(c, log, $"recent sync log of {productId}");
            return ExitCodes.Ok;
        })(show);

        var connection = new Option<string?>("--connection") { Description = "Only this connection (default: every connection it is listed on)" };
        var push = new Command("push", "Send the product's current values again, even if confirmed or refused") { id, connection };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            var productId = parse.GetValue(id)!;
            var query = parse.GetValue(connection) is { } only ? "?connection=" + Uri.EscapeDataString(only) : "";
            var answer = await c.Api.PostAsync($"/api/products/{Uri.EscapeDataString(productId)}/push{query}", ct);
            if (c.Json) c.WriteJson(answer);
            else c.Console.WriteLine($"{productId}: sent again to {JsonRead.Text(answer.Get("connections") ?? default)}; see 'cartonactl product show {productId}'");
            return ExitCodes.Ok;
        })(push);
        return new Command("product", "Products") { show, push };
    }

    private static void Render(CommandContext c, JsonElement p, IReadOnlySet<string> paused)
    {
        var stock = p.Fields("stockByWarehouse").Select(f => $"{f.Name}={JsonRead.Text(f.Value)}").ToList();
        c.Console.WriteLine($"product {p.Str("productId")} (version {p.Long("version")}): ERP price {p.Str("price") ?? "-"}, " +
                            (p.Bool("unlimitedStock") ? "unlimited stock" : $"stock {(stock.Count == 0 ? "-" : string.Join(", ", stock))}"));
        if (p.Get("holds") is { } holds && holds.ValueKind is JsonValueKind.Object or JsonValueKind.Array && JsonRead.Text(holds).Length > 0)
            c.Console.WriteLine($"held for orders: {JsonRead.Text(holds)}");
        var pushes = p.Fields("pushes").ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        var desired = p.Fields("desired").ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        if (pushes.Count == 0)
        {
            c.Console.WriteLine("not listed on any connection: nothing is sent for it");
            return;
        }
        var table = new Table().AddColumns("connection", "listing", "the ERP wants", "last sent", "confirmed", "refused", "state");
        foreach (var (name, push) in pushes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var refusal = push.Str("refusal");
            table.AddRow(
                Markup.Escape(name),
                Markup.Escape(push.Get("ref") is { } r ? JsonRead.Text(r) : "-"),
                Markup.Escape(desired.TryGetValue(name, out var d) ? JsonRead.Text(d) : "-"),
                Markup.Escape($"v{push.Long("wantedVersion")}: {(push.Get("wanted") is { } w ? JsonRead.Text(w) : "-")}"),
                Markup.Escape($"v{push.Long("confirmedVersion")}: {(push.Get("confirmed") is { } f ? JsonRead.Text(f) : "-")}"),
                Markup.Escape(refusal is null ? "-" : $"v{push.Long("refusedVersion")}: {refusal}"),
                Markup.Escape(State(push)));
        }
        c.Console.Write(table);
        foreach (var (name, push) in pushes.OrderBy(kv => kv.Key, StringComparer.Ordinal)) c.Console.WriteLine(Why(name, push, paused.Contains(name)));
    }

    private static string State(JsonElement push) =>
        push.Bool("inFlight") ? "in flight" : push.Bool("pending") ? "waiting to be sent" : push.Str("refusal") is not null && push.Long("refusedVersion") >= push.Long("wantedVersion") ? "refused" : "confirmed";

    /// <summary>The answer to "why does this connection show what it shows", in one sentence.</summary>
    private static string Why(string connection, JsonElement push, bool paused)
    {
        var confirmed = push.Get("confirmed") is { } f ? JsonRead.Text(f) : null;
        var shows = confirmed is null ? $"{connection} has confirmed nothing for it yet" : $"{connection} shows {confirmed} (confirmed at version {push.Long("confirmedVersion")})";
        return State(push) switch
        {
            "in flight" => $"{shows}; version {push.Long("wantedVersion")} is being sent now.",
            "waiting to be sent" when paused => $"{shows}; version {push.Long("wantedVersion")} waits: the connection is paused ('cartonactl connection resume {connection}').",
            "waiting to be sent" => $"{shows}; version {push.Long("wantedVersion")} waits for its turn in the connection's pace (see 'cartonactl connection show {connection}').",
            "refused" => $"{shows}; the marketplace refused version {push.Long("refusedVersion")}: {push.Str("refusal")}. It is sent again when the ERP changes it, or with 'cartonactl product push'.",
            _ => $"{shows}: that is the latest the ERP asked for.",
        };
    }
}
