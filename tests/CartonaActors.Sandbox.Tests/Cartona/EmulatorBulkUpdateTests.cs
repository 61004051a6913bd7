using System.Net;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Sandbox.Tests.Cartona;

public sealed class EmulatorBulkUpdateTests
{
    [Fact]
    public async Task Valid_rows_apply_as_sent_and_are_reported_as_updated()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Catalog.Seed([(10, "51"), (11, "52")]);

        using var response = await scope.PostBulkAsync("""
            [{"internal_product_id":"51","selling_price":"12.5","is_unlimited_stock":false,"available_stock_quantity":40},
             {"internal_product_id":"52","selling_price":30,"is_unlimited_stock":true}]
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EmulatorScope.JsonAsync(response);
        Assert.Equal(2, body.GetProperty("updated").GetInt32());
        Assert.Equal(0, body.GetProperty("failed").GetArrayLength());
        Assert.Equal(new CartonaProduct(10, "51", "12.5", 40, false), scope.Emulator.Catalog.TryGet("51"));
        var unlimited = scope.Emulator.Catalog.TryGet("52")!;
        Assert.Equal("30", unlimited.SellingPrice);
        Assert.True(unlimited.IsUnlimitedStock);
        Assert.True(unlimited.InStock);
    }

    [Fact]
    public async Task Invalid_rows_fail_individually_and_leave_their_products_unchanged()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Catalog.Seed([(1, "a"), (2, "b"), (3, "c")]);

        using var response = await scope.PostBulkAsync("""
            [{"internal_product_id":"a","selling_price":"1.0","available_stock_quantity":5},
             {"internal_product_id":"ghost","selling_price":"2.0"},
             {"internal_product_id":"b","selling_price":"3.0","available_stock_quantity":-4},
             {"internal_product_id":"c","selling_price":"abc"}]
            """);

        var body = await EmulatorScope.JsonAsync(response);
        Assert.Equal(1, body.GetProperty("updated").GetInt32());
        var failed = body.GetProperty("failed").EnumerateArray()
            .Select(f => (f.GetProperty("index").GetInt32(), f.GetProperty("internal_product_id").GetString(),
                f.GetProperty("errors")[0].GetString()))
            .ToList();
        Assert.Equal(
            new (int, string?, string?)[]
            {
                (1, "ghost", "product not found"),
                (2, "b", "negative stock is not allowed"),
                (3, "c", "selling_price must be a number"),
            },
            failed);
        Assert.Equal("1.0", scope.Emulator.Catalog.TryGet("a")!.SellingPrice);
        // A row with one bad field is refused whole: b's valid price was not applied either.
        Assert.Equal(new CartonaProduct(2, "b", null, 0, false), scope.Emulator.Catalog.TryGet("b"));
        Assert.Null(scope.Emulator.Catalog.TryGet("c")!.SellingPrice);
        Assert.Null(scope.Emulator.Catalog.TryGet("ghost"));
    }

    [Fact]
    public async Task Supplier_product_id_takes_precedence_as_number_or_string()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Catalog.Seed([(100, "x"), (200, "y")]);

        using var response = await scope.PostBulkAsync("""
            [{"supplier_product_id":100,"available_stock_quantity":7},
             {"supplier_product_id":"200","available_stock_quantity":8},
             {"supplier_product_id":999,"available_stock_quantity":9}]
            """);

        var body = await EmulatorScope.JsonAsync(response);
        Assert.Equal(2, body.GetProperty("updated").GetInt32());
        Assert.Equal(2, body.GetProperty("failed")[0].GetProperty("index").GetInt32());
        Assert.Equal(7, scope.Emulator.Catalog.TryGetById(100)!.AvailableStockQuantity);
        Assert.Equal(8, scope.Emulator.Catalog.TryGetById(200)!.AvailableStockQuantity);
    }

    [Fact]
    public async Task Silent_mode_answers_empty_object_and_still_refuses_bad_rows()
    {
        await using var scope = await EmulatorScope.StartAsync(o => o.SilentBulkResponses = true);
        scope.Emulator.Catalog.Seed([(1, "a"), (2, "b")]);

        using var response = await scope.PostBulkAsync("""
            [{"internal_product_id":"a","available_stock_quantity":3},
             {"internal_product_id":"b","available_stock_quantity":-1}]
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Equal(3, scope.Emulator.Catalog.TryGet("a")!.AvailableStockQuantity);
        Assert.Equal(0, scope.Emulator.Catalog.TryGet("b")!.AvailableStockQuantity);
    }

    [Fact]
    public async Task More_than_max_batch_size_is_413_and_applies_nothing()
    {
        await using var scope = await EmulatorScope.StartAsync(o => o.MaxBatchSize = 2);
        scope.Emulator.Catalog.Seed([(1, "a")]);

        using var response = await scope.PostBulkAsync("""
            [{"internal_product_id":"a","available_stock_quantity":1},{"internal_product_id":"a"},{"internal_product_id":"a"}]
            """);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, scope.Emulator.Catalog.TryGet("a")!.AvailableStockQuantity);
        Assert.Equal(3, scope.Emulator.Calls.Single().ItemCount);
    }

    [Theory]
    [InlineData("""{"internal_product_id":"a"}""")]
    [InlineData("not json")]
    public async Task A_body_that_is_not_a_json_array_is_400_with_a_clear_error(string body)
    {
        await using var scope = await EmulatorScope.StartAsync();

        using var response = await scope.PostBulkAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON array", (await EmulatorScope.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Auto_create_adds_unknown_internal_ids_when_enabled()
    {
        await using var scope = await EmulatorScope.StartAsync(o => o.AutoCreateUnknownProducts = true);
        scope.Emulator.Catalog.Add(5, "known");

        using var response = await scope.PostBulkAsync("""[{"internal_product_id":"new","selling_price":"4.0"}]""");

        Assert.Equal(1, (await EmulatorScope.JsonAsync(response)).GetProperty("updated").GetInt32());
        Assert.Equal(new CartonaProduct(6, "new", "4.0", 0, false), scope.Emulator.Catalog.TryGet("new"));
    }

    [Fact]
    public async Task Each_applied_row_is_announced_and_every_call_is_recorded()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Catalog.Seed([(1, "a"), (2, "b")]);
        var applied = new List<AppliedItem>();
        scope.Emulator.ItemApplied += item => { lock (applied) applied.Add(item); };
        var body = """[{"internal_product_id":"a","selling_price":"2.5"},{"internal_product_id":"zzz"}]""";

        using var response = await scope.PostBulkAsync(body);

        var item = Assert.Single(applied);
        Assert.Equal((1L, "a", "2.5"), (item.SupplierProductId, item.InternalProductId, item.SellingPrice));
        var call = Assert.Single(scope.Emulator.Calls);
        Assert.Equal(("POST", "/api/v1/supplier-product/bulk-update", 200, 2, body),
            (call.Method, call.Path, call.Status, call.ItemCount, call.Body));
    }
}
