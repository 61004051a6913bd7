using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CartonaActors.Domain.Products;

namespace CartonaActors.Marketplaces.Shopify;

/// <summary>One (inventory item, location) row of an <c>inventorySetQuantities</c>; <see cref="ChangeFrom"/> is the
/// quantity Shopify showed when last read (compare-and-set), null when unknown (the compare is skipped).</summary>
internal sealed record StockRow(int Item, ListingRef Listing, string InventoryItemId, string LocationId, int Quantity, int? ChangeFrom, long Version);

internal sealed record PriceRow(int Item, string VariantId, decimal Price);

/// <summary>One mutation of a push document: a set of stock rows, or one product's variant prices.</summary>
internal abstract record ShopifyMutation
{
    private ShopifyMutation() { }

    public sealed record Stock(IReadOnlyList<StockRow> Rows) : ShopifyMutation;

    public sealed record Prices(string ProductId, IReadOnlyList<PriceRow> Rows) : ShopifyMutation;

    public IEnumerable<int> Items => this switch
    {
        Stock s => s.Rows.Select(r => r.Item),
        Prices p => p.Rows.Select(r => r.Item),
        _ => [],
    };
}

/// <summary>A mutation's <c>userErrors</c>, tied to its rows where the error's field path names one.</summary>
internal sealed record MutationErrors(IReadOnlyList<(int Row, string Code, string Message)> ByRow, IReadOnlyList<string> Unattributed)
{
    public bool Any => ByRow.Count > 0 || Unattributed.Count > 0;
}

/// <summary>
/// How a push becomes GraphQL: stock rows in <c>inventorySetQuantities</c> of at most 250 rows (Shopify's input
/// cap), prices in one <c>productVariantsBulkUpdate</c> per product (it takes only one product's variants), several
/// aliased mutations per document up to the single-query cost limit (a mutation costs 10 points).
/// </summary>
internal static class ShopifyPushPlan
{
    public const int MaxRowsPerMutation = 250;
    public const double MutationCost = 10;

    public static IReadOnlyList<ShopifyMutation> Mutations(IReadOnlyList<StockRow> stock, IReadOnlyList<PriceRow> prices,
        IReadOnlyDictionary<string, string> productOfVariant)
    {
        var mutations = new List<ShopifyMutation>();
        mutations.AddRange(stock.Chunk(MaxRowsPerMutation).Select(c => new ShopifyMutation.Stock(c)));
        mutations.AddRange(prices.GroupBy(p => productOfVariant[p.VariantId], StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(MaxRowsPerMutation).Select(c => new ShopifyMutation.Prices(g.Key, c))));
        return mutations;
    }

    public static IEnumerable<IReadOnlyList<ShopifyMutation>> Documents(IReadOnlyList<ShopifyMutation> mutations, int maxQueryCost) =>
        mutations.Chunk(Math.Max(1, (int)(maxQueryCost / MutationCost)));

    public static double Cost(IReadOnlyList<ShopifyMutation> document) => document.Count * MutationCost;

    public static (string Query, JsonObject Variables) Document(IReadOnlyList<ShopifyMutation> document)
    {
        var declarations = new List<string>();
        var fields = new StringBuilder();
        var variables = new JsonObject();
        for (var i = 0; i < document.Count; i++)
        {
            switch (document[i])
            {
                case ShopifyMutation.Stock stock:
                    declarations.Add($"$s{i}:InventorySetQuantitiesInput!");
                    var input = StockInput(stock);
                    fields.Append(CultureInfo.InvariantCulture, $"m{i}:inventorySetQuantities(input:$s{i})@idempotent(key:\"{IdempotencyKey(stock, input)}\"){{userErrors{{field message code}}}} ");
                    variables[$"s{i}"] = input;
                    break;
                case ShopifyMutation.Prices prices:
                    declarations.Add($"$p{i}:ID!");
                    declarations.Add($"$v{i}:[ProductVariantsBulkInput!]!");
                    fields.Append(CultureInfo.InvariantCulture, $"m{i}:productVariantsBulkUpdate(productId:$p{i},variants:$v{i}){{userErrors{{field message code}}}} ");
                    variables[$"p{i}"] = prices.ProductId;
                    variables[$"v{i}"] = new JsonArray(prices.Rows.Select(r => (JsonNode)new JsonObject
                    {
                        ["id"] = r.VariantId, ["price"] = r.Price.ToString("0.00##", CultureInfo.InvariantCulture),
                    }).ToArray());
                    break;
            }
        }
        return ($"mutation({string.Join(",", declarations)}){{{fields}}}", variables);
    }

    /// <summary>The <c>userErrors</c> of mutation <paramref name="index"/> of a document; null when the answer has
    /// no payload for it (then nothing can be said of its rows).</summary>
    public static MutationErrors? Errors(JsonObject data, int index, ShopifyMutation mutation)
    {
        if (data[$"m{index}"] is not JsonObject payload || payload["userErrors"] is not JsonArray errors) return null;
        var rowsField = mutation is ShopifyMutation.Stock ? "quantities" : "variants";
        var rowCount = mutation is ShopifyMutation.Stock s ? s.Rows.Count : ((ShopifyMutation.Prices)mutation).Rows.Count;
        var byRow = new List<(int, string, string)>();
        var unattributed = new List<string>();
        foreach (var error in errors.OfType<JsonObject>())
        {
            var code = error["code"]?.ToString() ?? "ERROR";
            var message = error["message"]?.ToString() ?? code;
            var path = (error["field"] as JsonArray ?? []).Select(f => f?.ToString() ?? "").ToList();
            var at = path.IndexOf(rowsField);
            if (at >= 0 && at + 1 < path.Count && int.TryParse(path[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row < rowCount)
                byRow.Add((row, code, message));
            else unattributed.Add($"{code}: {message}");
        }
        return new MutationErrors(byRow, unattributed);
    }

    private static JsonObject StockInput(ShopifyMutation.Stock stock) => new()
    {
        ["name"] = "available",
        ["reason"] = "correction",
        ["referenceDocumentUri"] = "gid://cartona-actors/StockPush/" + Hash(stock.Rows.Select(r => $"{r.InventoryItemId}|{r.LocationId}|{r.Version}"))[..16],
        ["quantities"] = new JsonArray(stock.Rows.Select(r => (JsonNode)new JsonObject
        {
            ["inventoryItemId"] = r.InventoryItemId,
            ["locationId"] = r.LocationId,
            ["quantity"] = r.Quantity,
            // Mandatory from 2026-04: null opts a row out of the compare (nothing known to compare with).
            ["changeFromQuantity"] = r.ChangeFrom is { } from ? JsonValue.Create(from) : null,
        }).ToArray()),
    };

    /// <summary>The same write (rows, values, compare values and product versions) always carries the same key, so
    /// a retry after a lost answer is replayed by Shopify, not applied twice; any other write gets another key.</summary>
    private static string IdempotencyKey(ShopifyMutation.Stock stock, JsonObject input) =>
        new Guid(Convert.FromHexString(Hash([input.ToJsonString(), .. stock.Rows.Select(r => r.Version.ToString(CultureInfo.InvariantCulture))])[..32])).ToString();

    private static string Hash(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))));
}
