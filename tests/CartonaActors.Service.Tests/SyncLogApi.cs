using System.Net.Http.Json;
using System.Text.Json;

namespace CartonaActors.Service.Tests;

/// <summary>Reads the service's sync log over HTTP. The log is a projection of the journal and trails it by about a
/// second, so what a test expects there is polled for.</summary>
public static class SyncLogApi
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<JsonElement>> RowsAsync(HttpClient http, string query = "")
    {
        var rows = await http.GetFromJsonAsync<JsonElement>("/api/sync-log" + query);
        return rows.EnumerateArray().ToList();
    }

    /// <summary>Polls until the sync log's newest page (with <paramref name="query"/>) has a row matching; returns it.</summary>
    public static async Task<JsonElement> UntilRowAsync(HttpClient http, Func<JsonElement, bool> match, string what, string query = "?limit=1000")
    {
        JsonElement found = default;
        await Until.TrueAsync(async () =>
        {
            var hit = (await RowsAsync(http, query)).Where(match).Take(1).ToList();
            if (hit.Count == 1) found = hit[0];
            return hit.Count == 1;
        }, Within, $"sync log row: {what}");
        return found;
    }

    /// <summary>Polls until the sync log's newest page, as text, contains <paramref name="text"/>; returns that text.</summary>
    public static async Task<string> UntilContainsAsync(HttpClient http, string text, string query = "?limit=1000")
    {
        var page = "";
        await Until.TrueAsync(async () => (page = await http.GetStringAsync("/api/sync-log" + query)).Contains(text, StringComparison.Ordinal),
            Within, $"sync log containing '{text}'");
        return page;
    }

    public static string? Text(this JsonElement row, string property) =>
        row.GetProperty(property) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
