using System.Net;
using System.Text;
using System.Text.Json;
using CartonaActors.Sandbox.Shopify;

namespace CartonaActors.Sandbox.Tests.Shopify;

/// <summary>A running Shopify emulator, a seeded shop (two locations, one product with two variants) and a plain
/// HttpClient speaking the Admin GraphQL API.</summary>
internal sealed class ShopifyScope : IAsyncDisposable
{
    public const string Token = "shpat_offline_test";

    private ShopifyScope(ShopifyEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient();
        Cairo = emulator.Catalog.AddLocation("Cairo");
        Giza = emulator.Catalog.AddLocation("Giza");
        Product = emulator.Catalog.AddProduct("Rice 1kg", ("RICE-1", "6221000000011", 25m), ("RICE-5", "6221000000055", 110m));
    }

    public ShopifyEmulator Emulator { get; }
    public HttpClient Http { get; }
    public string Cairo { get; }
    public string Giza { get; }
    public ShopifyProductIds Product { get; }

    public static async Task<ShopifyScope> StartAsync(Action<ShopifyEmulatorOptions>? configure = null)
    {
        var options = new ShopifyEmulatorOptions { AccessTokens = new HashSet<string> { Token } };
        configure?.Invoke(options);
        return new ShopifyScope(await ShopifyEmulator.StartAsync(options));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string query, object? variables = null, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Emulator.GraphQLUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Add("X-Shopify-Access-Token", token);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return (response.StatusCode, doc.RootElement.Clone());
    }

    /// <summary>POSTs and asserts a 200 without top-level errors; the body.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null, string? token = Token)
    {
        var (status, body) = await PostAsync(query, variables, token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body;
    }

    public const string SetMutation = """
        mutation($in: InventorySetQuantitiesInput!) {
          inventorySetQuantities(input: $in) @idempotent(key: "KEY") {
            inventoryAdjustmentGroup { id reason changes { name delta quantityAfterChange } }
            userErrors { field message code }
          }
        }
        """;

    public static string SetWithKey(string key) => SetMutation.Replace("KEY", key, StringComparison.Ordinal);

    public object Row(int item, string location, int quantity, int? changeFrom) => new Dictionary<string, object?>
    {
        ["inventoryItemId"] = Product.InventoryItemIds[item],
        ["locationId"] = location,
        ["quantity"] = quantity,
        ["changeFromQuantity"] = changeFrom,
    };

    public static object SetInput(params object[] rows) => new { @in = Input(rows) };

    public static object Input(params object[] rows) =>
        new { name = "available", reason = "correction", referenceDocumentUri = "gid://erp-sync/Push/1", quantities = rows };

    public string PlaceOrder(int quantity = 2) => Emulator.Orders.Place(
        new ShopifyCustomer(77, "buyer@example.com", "+201000000000", "Mona", "Adel"),
        new ShopifyAddress("1 Nile St", "Cairo", "Egypt"),
        [new ShopifyOrderLine("RICE-1", quantity, 25m)]);

    /// <summary>Waits for a condition the server brings about; fails after 5 s.</summary>
    public static Task EventuallyAsync(Func<bool> condition) => Eventually.TrueAsync(condition);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

internal static class ShopifyJson
{
    public static JsonElement Path(this JsonElement e, params string[] names)
    {
        foreach (var n in names) e = e.GetProperty(n);
        return e;
    }

    public static JsonElement Cost(this JsonElement body) => body.Path("extensions", "cost");

    public static string ErrorCode(this JsonElement body) => body.GetProperty("errors")[0].Path("extensions", "code").GetString()!;
}
