using System.Net;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Sandbox.Tests.Rest;

public sealed class RestBatchTests
{
    private const HttpStatusCode MultiStatus = (HttpStatusCode)207;

    [Fact]
    public async Task Each_inventory_item_gets_its_own_result_in_request_order()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51", "52", "53", "54"]);
        scope.Emulator.Faults.RejectItem("54", "product_blocked", "listing suspended");

        using var response = await scope.PostAsync(RestScope.Inventory, """
            {"items":[
              {"external_id":"51","location_id":"WH1","available":12,"version":812},
              {"external_id":"999","location_id":null,"available":1,"version":1},
              {"external_id":"52","available":-1,"version":3},
              {"external_id":"53","available":5},
              {"external_id":"54","available":2,"version":1},
              {"external_id":"53","available":7,"version":2}
            ]}
            """);

        Assert.Equal(MultiStatus, response.StatusCode);
        var body = await RestScope.JsonAsync(response);
        Assert.Equal(
            [("ok", null), ("error", "unknown_product"), ("error", "invalid_value"), ("error", "invalid_value"),
                ("error", "product_blocked"), ("ok", (string?)null)],
            body.Results());
        Assert.Equal("listing suspended", body.GetProperty("results")[4].GetProperty("error").GetProperty("message").GetString());

        var catalog = scope.Emulator.Catalog;
        Assert.Equal(new RestStockLevel("WH1", 12, 812), catalog.Get("51")!.StockAt("WH1"));
        Assert.Null(catalog.Get("51")!.AvailableAt()); // the default location was never written
        Assert.Empty(catalog.Get("52")!.Stock);
        Assert.Equal(7, catalog.Get("53")!.AvailableAt());
        Assert.Empty(catalog.Get("54")!.Stock);
        Assert.Null(catalog.Get("999"));
        Assert.Equal(2, scope.Emulator.Counters.ItemsApplied);
    }

    [Fact]
    public async Task Prices_accept_strings_and_numbers_and_refuse_bad_values()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51", "52", "53", "54", "55"]);

        using var response = await scope.PostAsync(RestScope.Prices, """
            {"items":[
              {"external_id":"51","price":"12.50","currency":"EGP","version":812},
              {"external_id":"52","price":7.25,"version":1},
              {"external_id":"53","price":"-1","version":1},
              {"external_id":"54","price":"twelve","version":1},
              {"external_id":"55","price":"3.00","version":0}
            ]}
            """);

        Assert.Equal(MultiStatus, response.StatusCode);
        Assert.Equal(
            [("ok", null), ("ok", null), ("error", "invalid_value"), ("error", "invalid_value"), ("error", (string?)"invalid_value")],
            (await RestScope.JsonAsync(response)).Results());
        var first = scope.Emulator.Catalog.Get("51")!;
        Assert.Equal((12.50m, "EGP", 812L), (first.Price, first.Currency, first.PriceVersion));
        Assert.Equal(7.25m, scope.Emulator.Catalog.Get("52")!.Price);
        Assert.Null(scope.Emulator.Catalog.Get("53")!.Price);
    }

    [Fact]
    public async Task A_lower_version_is_answered_ok_but_not_applied_and_an_equal_one_is_reapplied()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51"]);
        var applied = new List<RestAppliedItem>();
        scope.Emulator.ItemApplied += applied.Add;

        using var newer = await scope.PostAsync(RestScope.Inventory, """{"items":[{"external_id":"51","available":10,"version":5}]}""");
        using var stale = await scope.PostAsync(RestScope.Inventory, """{"items":[{"external_id":"51","available":99,"version":4}]}""");
        using var equal = await scope.PostAsync(RestScope.Inventory, """{"items":[{"external_id":"51","available":10,"version":5}]}""");
        using var stalePrice = await scope.PostAsync(RestScope.Prices, """{"items":[{"external_id":"51","price":"2","version":3}]}""");
        using var olderPrice = await scope.PostAsync(RestScope.Prices, """{"items":[{"external_id":"51","price":"1","version":2}]}""");

        Assert.Equal([("ok", (string?)null)], (await RestScope.JsonAsync(stale)).Results());
        Assert.Equal([("ok", (string?)null)], (await RestScope.JsonAsync(olderPrice)).Results());
        var product = scope.Emulator.Catalog.Get("51")!;
        Assert.Equal(new RestStockLevel(null, 10, 5), product.StockAt());
        // Prices keep their own version line: 3 applied, then 2 is stale.
        Assert.Equal((2m, 3L), (product.Price!.Value, product.PriceVersion));
        Assert.Equal(3, scope.Emulator.Counters.ItemsApplied);
        Assert.Equal(2, scope.Emulator.Counters.StaleItemsIgnored);
        Assert.Equal([5L, 5L, 3L], applied.Select(a => a.Version));
        Assert.Equal(RestItemKind.Price, applied[^1].Kind);
    }

    [Fact]
    public async Task Versions_are_kept_per_location()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51"]);

        using var response = await scope.PostAsync(RestScope.Inventory, """
            {"items":[
              {"external_id":"51","location_id":"WH1","available":4,"version":9},
              {"external_id":"51","location_id":"WH2","available":6,"version":2},
              {"external_id":"51","available":1,"version":1}
            ]}
            """);

        var product = scope.Emulator.Catalog.Get("51")!;
        Assert.Equal([null, "WH1", "WH2"], product.Stock.Select(s => s.LocationId));
        Assert.Equal([1, 4, 6], product.Stock.Select(s => s.Available));
        Assert.Equal(3, scope.Emulator.Counters.ItemsApplied);
    }

    [Fact]
    public async Task More_items_than_the_maximum_answer_413_and_apply_nothing()
    {
        await using var scope = await RestScope.StartAsync(o => o.MaxBatchSize = 2);
        scope.Emulator.Catalog.Seed(["51"]);
        var item = """{"external_id":"51","available":1,"version":1}""";

        using var response = await scope.PostAsync(RestScope.Inventory, $$"""{"items":[{{item}},{{item}},{{item}}]}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("""{"error":"batch_too_large","max":2}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(scope.Emulator.Catalog.Get("51")!.Stock);
    }

    [Theory]
    [InlineData("{\"items\": [not json")]
    [InlineData("{}")]
    [InlineData("{\"items\":{}}")]
    [InlineData("[]")]
    public async Task A_body_without_an_items_array_is_an_invalid_request(string body)
    {
        await using var scope = await RestScope.StartAsync();

        using var response = await scope.PostAsync(RestScope.Prices, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await RestScope.JsonAsync(response);
        Assert.Equal("invalid_request", json.Error());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Auto_create_adds_unknown_products_and_a_cleared_rejection_lets_items_through()
    {
        await using var scope = await RestScope.StartAsync(o => o.AutoCreateUnknownProducts = true);
        scope.Emulator.Faults.RejectItem("77", "rejected");
        const string batch = """{"items":[{"external_id":"77","available":3,"version":1}]}""";

        using var rejected = await scope.PostAsync(RestScope.Inventory, batch);
        scope.Emulator.Faults.ClearRejection("77");
        using var accepted = await scope.PostAsync(RestScope.Inventory, batch);

        Assert.Equal([("error", (string?)"rejected")], (await RestScope.JsonAsync(rejected)).Results());
        Assert.Equal([("ok", (string?)null)], (await RestScope.JsonAsync(accepted)).Results());
        Assert.Equal(3, scope.Emulator.Catalog.Get("77")!.AvailableAt());
    }

    [Fact]
    public async Task Calls_are_recorded_with_their_key_item_count_and_body()
    {
        await using var scope = await RestScope.StartAsync(o => o.RequireIdempotencyKey = false);
        scope.Emulator.Catalog.Seed(["51"]);
        const string batch = """{"items":[{"external_id":"51","available":3,"version":1}]}""";

        using var keyed = await scope.PostAsync(RestScope.Inventory, batch, key: "k-1");
        using var unkeyed = await scope.PostWithoutKeyAsync(RestScope.Inventory, batch);

        var calls = scope.Emulator.Calls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(("POST", "/v1/inventory:batch", 207, "k-1", 1, batch), (calls[0].Method, calls[0].Path, calls[0].Status,
            calls[0].IdempotencyKey, calls[0].ItemCount, calls[0].Body));
        Assert.False(calls[1].HasIdempotencyKey);
        Assert.Equal(2, scope.Emulator.Counters.Requests);
        scope.Emulator.ClearCalls();
        Assert.Empty(scope.Emulator.Calls);
    }
}
