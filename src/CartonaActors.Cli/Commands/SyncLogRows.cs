using System.Text.Json;
using Spectre.Console;

namespace CartonaActors.Cli.Commands;

/// <summary>Reading and printing sync log rows, shared by the commands that show an entity's recent log.</summary>
public static class SyncLogRows
{
    /// <summary>The newest rows for a filter; <paramref name="keep"/> filters again here, so an older service that
    /// ignores the query's filters still shows only what belongs.</summary>
    public static async Task<List<JsonElement>> ForAsync(AdminApi api, string query, Func<JsonElement, bool> keep, int limit, CancellationToken ct)
    {
        var rows = await api.GetAsync($"/api/sync-log?{query}&limit={limit}", ct);
        return rows.Items().Where(keep).Take(limit).ToList();
    }

    public static string Message(JsonElement r) => r.Str("message") ?? r.Str("reason") ?? "";

    public static string Level(JsonElement r) => r.Str("level") ?? "warning";

    public static void Render(CommandContext c, IReadOnlyList<JsonElement> rows, string title)
    {
        if (rows.Count == 0)
        {
            c.Console.WriteLine($"{title}: nothing");
            return;
        }
        c.Console.WriteLine(title + ":");
        var table = new Table().AddColumns("at", "level", "kind", "connection", "product / order", "message");
        foreach (var r in rows)
            table.AddRow(r.When("at"), Level(r), Markup.Escape(r.Str("kind") ?? ""), Markup.Escape(r.Str("connection") ?? "-"),
                Markup.Escape(r.Str("productId") ?? r.Str("orderId") ?? "-"), Markup.Escape(Message(r)));
        c.Console.Write(table);
    }
}
