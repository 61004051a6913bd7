using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace CartonaActors.Cli.Commands;

public static class OrderCommands
{
    public static Command Order()
    {
        var id = new Argument<string>("order") { Description = "<connection>/<marketplace order id>, e.g. cartona/GMNvpbLM" };
        var show = new Command("show", "One order: its state, every step of its history, and why it was or was not imported") { id };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            if (Split(parse.GetValue(id)!) is not var (connection, orderRef)) return Usage(parse.GetValue(id)!);
            var path = $"/api/orders/{Uri.EscapeDataString(connection)}/{Uri.EscapeDataString(orderRef)}";
            var orderId = $"{connection}/{orderRef}";
            var (order, missing) = await c.Api.FindAsync(path, ct);
            var history = order is null ? null : (await c.Api.FindAsync(path + "/history", ct)).Found;
            var log = await SyncLogRows.ForAsync(c.Api, $"order={Uri.EscapeDataString(orderId)}", r => r.Str("orderId") == orderId || r.Str("productId") == orderId, 20, ct);
            var status = order is null ? (await c.Api.FindAsync($"/api/connections/{Uri.EscapeDataString(connection)}", ct)).Found : null;
            if (c.Json)
            {
                c.WriteJson(new { orderId, order, missing, history, log, connection = status });
                return order is null ? ExitCodes.NotFound : ExitCodes.Ok;
            }
            SyncLogRows.Render(c, log, $"sync log of {orderId}");
            if (order is not { } o)
            {
                NotPulled(c, orderId, connection, missing, status);
                return ExitCodes.NotFound;
            }
            Render(c, o, history);
            return o.Get("held") is not null ? ExitCodes.Failed : ExitCodes.Ok;
        })(show);
        return new Command("order", "One marketplace order") { show };
    }

    public static Command Orders()
    {
        var connection = new Option<string?>("--connection") { Description = "Only this connection's orders" };
        var held = new Command("held", "Orders whose import is held, with the reason") { connection };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            var rows = await HeldAsync(c, parse.GetValue(connection), ct);
            if (c.Json)
            {
                c.WriteJson(rows);
                return ExitCodes.Ok;
            }
            if (rows.Count == 0)
            {
                c.Console.WriteLine("no held orders");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("order", "version", "held because");
            foreach (var o in rows) table.AddRow(Markup.Escape(o.Str("orderId") ?? ""), $"{o.Long("version")}", Markup.Escape(o.Get("held") is { } h ? JsonRead.Text(h) : ""));
            c.Console.Write(table);
            return ExitCodes.Ok;
        })(held);

        var ids = new Argument<string[]>("orders") { Description = "<connection>/<order id> of each order to try again", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Every held order (of --connection, if given)" };
        var retry = new Command("retry", "Try held orders again now (after fixing what held them: a product, a customer…)") { ids, all, connection };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            var targets = parse.GetValue(ids) ?? [];
            if (parse.GetValue(all)) targets = [.. targets, .. (await HeldAsync(c, parse.GetValue(connection), ct)).Select(o => o.Str("orderId")!)];
            if (targets.Length == 0)
            {
                Console.Error.WriteLine("error: name the orders to retry, or pass --all");
                return ExitCodes.Usage;
            }
            foreach (var target in targets.Distinct(StringComparer.Ordinal))
            {
                if (Split(target) is not var (conn, orderRef)) return Usage(target);
                await c.Api.PostAsync($"/api/orders/{Uri.EscapeDataString(conn)}/{Uri.EscapeDataString(orderRef)}/retry", ct);
                if (!c.Json) c.Console.WriteLine($"{target}: asked to try again; see 'cartonactl order show {target}'");
            }
            if (c.Json) c.WriteJson(new { retried = targets.Distinct(StringComparer.Ordinal) });
            return ExitCodes.Ok;
        })(retry);
        return new Command("orders", "Marketplace orders") { held, retry };
    }

    private static async Task<List<JsonElement>> HeldAsync(CommandContext c, string? connection, CancellationToken ct)
    {
        var query = connection is null ? "" : "?connection=" + Uri.EscapeDataString(connection);
        return (await c.Api.GetAsync("/api/orders/held" + query, ct)).Items().ToList();
    }

    private static (string Connection, string OrderRef)? Split(string id) =>
        id.IndexOf('/') is var slash and > 0 && slash < id.Length - 1 ? (id[..slash], id[(slash + 1)..]) : null;

    private static int Usage(string id)
    {
        Console.Error.WriteLine($"error: '{id}' is not <connection>/<order id> (e.g. cartona/GMNvpbLM)");
        return ExitCodes.Usage;
    }

    private static void Render(CommandContext c, JsonElement o, JsonElement? history)
    {
        var id = o.Str("orderId");
        c.Console.WriteLine($"order {id} (version {o.Long("version")}): marketplace status {o.Str("marketplaceStatus") ?? "-"}, " +
                            $"ERP sale order {o.Str("saleOrderId") ?? "none"} ({o.Str("erpState") ?? "-"}), partner {o.Str("partnerId") ?? "-"}");
        if (history is { } h)
        {
            var table = new Table().AddColumns("#", "at", "step", "outcome", "detail");
            foreach (var s in h.Items("steps"))
                table.AddRow($"{s.Long("sequenceNr")}", s.When("at"), Markup.Escape(s.Str("step") ?? ""), Markup.Escape(s.Str("outcome") ?? ""), Markup.Escape(s.Str("detail") ?? ""));
            c.Console.Write(table);
        }
        foreach (var flag in o.Items("flags")) c.Console.WriteLine($"flagged: {JsonRead.Text(flag)}");
        foreach (var refused in o.Items("refused")) c.Console.WriteLine($"refused: {JsonRead.Text(refused)}");
        c.Console.WriteLine(o.Get("held") is { } held
            ? $"why not imported: held, {JsonRead.Text(held)}. It is tried again when the order changes, or now with 'cartonactl orders retry {id}'."
            : o.Str("saleOrderId") is { } so ? $"imported: ERP sale order {so}." : "not imported yet: its import is under way.");
    }

    private static void NotPulled(CommandContext c, string orderId, string connection, string? missing, JsonElement? status)
    {
        c.Console.WriteLine($"why not imported: {missing ?? $"order {orderId} has never been pulled from {connection}"}.");
        if (status is not { } s)
        {
            c.Console.WriteLine($"connection '{connection}' is not configured on this service.");
            return;
        }
        var ledger = s.Get("ledger") ?? default;
        c.Console.WriteLine($"{connection}: last pull {ledger.When("lastOrderPullAt")}, orders modified since {ledger.When("orderCursor")} are read next, " +
                            $"{ledger.Long("ordersPulled") ?? 0} orders pulled in all; last error: {ledger.Str("lastError") ?? "none"}" +
                            (ledger.Get("paused") is { } p ? $"; PAUSED: {p.Str("reason")}" : ""));
        c.Console.WriteLine($"pull now with 'cartonactl connection pull {connection}'.");
    }
}
