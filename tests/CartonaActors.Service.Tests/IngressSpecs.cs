using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Service.Tests;

/// <summary>Bad ERP input gets a clear 400, is logged, shows in the sync log, and changes nothing.</summary>
public sealed class IngressSpecs : IAsyncLifetime
{
    private const string Token = "ingress-token-77d2";
    private CartonaEmulator _cartona = null!;
    private TestService _service = null!;

    public async Task InitializeAsync()
    {
        _cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Tokens = new HashSet<string> { Token } });
        _cartona.Catalog.Seed([(1L, "1")]);
        _service = await TestService.StartAsync(TestService.Settings(_cartona, Token));
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _cartona.DisposeAsync();
    }

    [Theory]
    [InlineData("{\"price\": 12.5", "malformed JSON")]
    [InlineData("[1,2]", "malformed JSON")]
    [InlineData("{\"prise\": 12.5}", "prise")]
    [InlineData("{}", "nothing to update")]
    [InlineData("{\"price\": -3}", "price must be between")]
    [InlineData("{\"price\": \"cheap\"}", "malformed JSON")]
    [InlineData("{\"listings\": [{\"connection\": \"amazon\", \"internalProductId\": \"1\"}]}", "unknown connection 'amazon'")]
    [InlineData("{\"listings\": [{\"connection\": \"cartona\"}]}", "exactly one of id, internalProductId or supplierProductId")]
    [InlineData("{\"stock\": {\"\": 4}}", "warehouse names")]
    public async Task Bad_input_is_refused_with_a_clear_message_and_changes_nothing(string body, string message)
    {
        var response = await _service.Http.PutAsync("/api/products/sku-bad", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains(message, error);

        Assert.Equal(HttpStatusCode.NotFound, (await _service.Http.GetAsync("/api/products/sku-bad")).StatusCode);
        var syncLog = await _service.Http.GetStringAsync("/api/sync-log");
        Assert.Contains("input_refused", syncLog);
        Assert.Contains(_service.Log.Lines, l => l.Contains("Refused change to product") && l.Contains("sku-bad"));
    }

    [Fact]
    public async Task A_valid_change_is_persisted_and_reaches_the_marketplace()
    {
        var response = await _service.PutProductAsync("sku-1", new
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
        while (_cartona.Catalog.TryGet("1")!.SellingPrice is null && DateTime.UtcNow < deadline) await Task.Delay(50);
        var shown = _cartona.Catalog.TryGet("1")!;
        Assert.Equal("12.5", shown.SellingPrice);
        Assert.Equal(37, shown.AvailableStockQuantity);

        var product = await _service.Http.GetFromJsonAsync<JsonElement>("/api/products/sku-1");
        Assert.Equal(12.5m, product.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task A_bad_product_id_is_refused()
    {
        var response = await _service.PutProductAsync("a%20b", new { price = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("whitespace", await response.Content.ReadAsStringAsync());
    }
}
