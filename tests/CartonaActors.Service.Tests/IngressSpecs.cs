using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CartonaActors.Service.Tests;

/// <summary>Bad ERP input gets a clear 400, is logged, shows in the sync log, and changes nothing.</summary>
public sealed class IngressSpecs() : CartonaServiceSpecs("ingress-token-77d2")
{
    [Theory]
    [InlineData("{\"price\": 12.5", "malformed JSON")]
    [InlineData("[1,2]", "the body must be an object")]
    [InlineData("{\"prise\": 12.5}", "unknown field 'prise'")]
    [InlineData("{}", "nothing to update")]
    [InlineData("{\"price\": -3}", "price must be between")]
    [InlineData("{\"price\": \"cheap\"}", "$.price must be a number (line 1, position 18)")]
    [InlineData("{\"stock\": {\"WH1\": true}}", "$.stock.WH1 must be a number")]
    [InlineData("{\"listings\": [{\"connection\": 5}]}", "$.listings[0].connection must be a string")]
    [InlineData("{\"listings\": [{\"connection\": \"amazon\", \"internalProductId\": \"1\"}]}", "unknown connection 'amazon'")]
    [InlineData("{\"listings\": [{\"connection\": \"cartona\"}]}", "exactly one of id, internalProductId or supplierProductId")]
    [InlineData("{\"stock\": {\"\": 4}}", "warehouse names")]
    public async Task Bad_input_is_refused_with_a_clear_message_and_changes_nothing(string body, string message)
    {
        var response = await Service.Http.PutAsync("/api/products/sku-bad", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains(message, error);
        Assert.DoesNotContain("System.", error); // a sender is told what was expected in words, not in .NET types

        Assert.Equal(HttpStatusCode.NotFound, (await Service.Http.GetAsync("/api/products/sku-bad")).StatusCode);
        await SyncLogApi.UntilRowAsync(Service.Http, r => r.Text("kind") == "input_refused" && r.Text("productId") == "sku-bad" && r.Text("message") == error,
            "the refused change", "?kind=input_refused&product=sku-bad");
        Assert.Contains(Service.Log.Lines, l => l.Contains("Refused change to product") && l.Contains("sku-bad"));
    }

    [Fact]
    public async Task A_valid_change_is_persisted_and_reaches_the_marketplace()
    {
        var response = await Service.PutProductAsync("sku-1", new
        {
            price = 12.5m,
            stock = new Dictionary<string, decimal> { ["WH1"] = 40, ["WH2"] = -3 },
            listings = new[] { new { connection = "cartona", internalProductId = "1" } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, accepted.GetProperty("version").GetInt64());
        Assert.Equal(1, accepted.GetProperty("changes").GetInt32());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Cartona.Catalog.TryGet("1")!.SellingPrice is null && DateTime.UtcNow < deadline) await Task.Delay(50);
        var shown = Cartona.Catalog.TryGet("1")!;
        Assert.Equal("12.5", shown.SellingPrice);
        Assert.Equal(37, shown.AvailableStockQuantity);

        var product = await Service.Http.GetFromJsonAsync<JsonElement>("/api/products/sku-1");
        Assert.Equal(12.5m, product.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task A_bad_product_id_is_refused()
    {
        var response = await Service.PutProductAsync("a%20b", new { price = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("whitespace", await response.Content.ReadAsStringAsync());
    }
}
