using CartonaActors.Domain.Orders;
using CartonaActors.Marketplaces.Cartona;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Marketplaces.Tests.Cartona;

public sealed class CartonaClientOrderPullTests
{
    [Fact]
    public async Task The_emulators_orders_are_read_in_full()
    {
        await using var scope = await ClientScope.StartAsync();
        var placed = scope.Emulator.Orders.Place(new CartonaOrderSpec
        {
            HashedId = "GMNvpbLM", ReceiptId = "R-9", InstallmentCost = 2990, WalletTopUp = 100, CartonaCredit = 50,
            Retailer = new CartonaOrderRetailer("Hayah Market", "A00315", "+2010", "+2000", "Giza", Email: "r@example.com"),
            Details =
            [
                new CartonaOrderLineSpec("904", 10, 200) { SupplierProductId = "110774", ProductName = "Rice", Comment = "fragile" },
                new CartonaOrderLineSpec("905", 2, 7.5m),
            ],
        });

        var (outcome, page) = await scope.Client.PullOrdersAsync(new OrderPageRequest(1, 100, null, null), CancellationToken.None);

        Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.NotNull(page);
        Assert.Empty(page.Unreadable);
        Assert.Equal(1, page.RawCount);
        var order = Assert.Single(page.Orders);
        Assert.Equal(("GMNvpbLM", "R-9", "pending", false), (order.Id, order.Reference, order.Status, order.FulfilledByMarketplace));
        Assert.Equal((2015m, "installment", true), (order.Totals.Amount, order.PaymentMethod, order.RequiresDeliveryCode));
        Assert.Equal(new MarketplaceCustomer("retailer_A00315", "Hayah Market", "+2010", "+2000", "r@example.com", "Giza"), order.Customer);
        Assert.Equal("Cartona Order GMNvpbLM", order.Title);
        Assert.Equal(
            [
                new OrderLine(placed.Details[0].Id, "904", "110774", "Rice", 10m, 200m, "fragile"),
                new OrderLine(placed.Details[1].Id, "905", null, null, 2m, 7.5m, null),
            ],
            order.Lines);
        Assert.Equal("installment", order.PaymentMethod);
        Assert.StartsWith("{\"hashed_id\":\"GMNvpbLM\"", order.RawJson);
        Assert.Equal("?page=1&per_page=100", Assert.Single(scope.Emulator.Calls).Query);
    }

    [Fact]
    public async Task Prices_served_as_text_read_the_same()
    {
        await using var scope = await ClientScope.StartAsync(o => o.OrderPricesAsText = true);
        scope.Emulator.Orders.Place(new CartonaOrderSpec { Details = [new CartonaOrderLineSpec("1", 3, 2.25m)] });

        var (_, page) = await scope.Client.PullOrdersAsync(new OrderPageRequest(1, 10, null, null), CancellationToken.None);

        var order = Assert.Single(page!.Orders);
        Assert.Equal(6.75m, order.Totals.Amount);
        Assert.Equal(2.25m, Assert.Single(order.Lines).UnitPrice);
    }

    [Fact]
    public async Task Strings_and_numbers_are_both_accepted_and_fallback_names_are_read()
    {
        const string element = """
            {"hashed_id":12345,"receipt_id":777,"status":"approved","delivered_by":"delivered_by_cartona",
             "total_price":"3040.50","cartona_credit":"0","installment_cost":null,"wallet_top_up":"100",
             "retailer":{"name":"Kiosk","id":991,"retailer_number":"+20","retailer_email":"k@x.eg","retailer_address":"Cairo"},
             "order_details":[{"id":"11973734","internal_product_id":904,"supplier_product_id":110774,"product_name":"Tea",
                               "amount":"10","selling_price":"200.5","comment":null},
                              {"id":11973735,"internal_product_id":"52","amount":2.0}]}
            """;
        var (outcome, page) = await PullFromAsync($"[{element}]");

        Assert.IsType<CallOutcome.Accepted>(outcome);
        var order = Assert.Single(page!.Orders);
        Assert.Equal(("12345", "777", "approved", true), (order.Id, order.Reference, order.Status, order.FulfilledByMarketplace));
        Assert.Equal((3040.50m, "wallet_top_up", true), (order.Totals.Amount, order.PaymentMethod, order.RequiresDeliveryCode));
        Assert.Equal(new MarketplaceCustomer("retailer_991", "Kiosk", "+20", null, "k@x.eg", "Cairo"), order.Customer);
        Assert.Equal(
            [
                new OrderLine(11973734, "904", "110774", "Tea", 10m, 200.5m, null),
                new OrderLine(11973735, "52", null, null, 2m, 0m, null), // selling_price defaults to 0
            ],
            order.Lines);
        Assert.Equal(element, order.RawJson);
    }

    [Theory]
    [InlineData("""{"retailer_code":"A1","retailer_name":"N"}""", "A1", "N")]
    [InlineData("""{"retailer_code":"A1","id":5,"retailer_id":6}""", "A1", "")]
    [InlineData("""{"id":5,"retailer_id":6,"name":"M"}""", "5", "M")]
    [InlineData("""{"retailer_id":6,"retailer_name":"N","name":"M"}""", "6", "N")]
    public async Task The_retailer_code_and_name_follow_cartonas_fallbacks(string retailer, string code, string name)
    {
        var (_, page) = await PullFromAsync($$"""[{"hashed_id":"A","retailer":{{retailer}},"order_details":[]}]""");

        var order = Assert.Single(page!.Orders);
        Assert.Equal(("retailer_" + code, name), (order.Customer.Ref, order.Customer.Name));
    }

    [Fact]
    public async Task Missing_status_and_delivered_by_take_cartonas_defaults()
    {
        var (_, page) = await PullFromAsync(
            """[{"hashed_id":"A","delivered_by":"by_pigeon","retailer":{"retailer_code":"R"},"order_details":[]}]""");

        var order = Assert.Single(page!.Orders);
        Assert.Equal(("pending", false, null), (order.Status, order.FulfilledByMarketplace, order.Reference));
        Assert.Equal("standard", order.PaymentMethod);
    }

    [Theory]
    [InlineData("""{"hashed_id":"B","retailer":{"retailer_name":"x"},"order_details":[]}""", "B", "retailer has no retailer_code")]
    [InlineData("""{"hashed_id":"B","order_details":[]}""", "B", "order has no retailer object")]
    [InlineData("""{"hashed_id":"B","retailer":{"retailer_code":"R"}}""", "B", "order has no order_details array")]
    [InlineData("""{"hashed_id":"B","retailer":{"retailer_code":"R"},"order_details":[{"amount":1}]}""", "B", "order_details[0] has no id")]
    [InlineData("""{"hashed_id":"B","retailer":{"retailer_code":"R"},"order_details":[{"id":"x1","amount":1}]}""", "B", "order_details[0]: id 'x1' is not an integer")]
    [InlineData("""{"hashed_id":"B","retailer":{"retailer_code":"R"},"order_details":[{"id":1}]}""", "B", "order_details[0] has no amount")]
    [InlineData("""{"hashed_id":"B","retailer":{"retailer_code":"R"},"order_details":[{"id":1,"amount":"ten"}]}""", "B", "order_details[0]: amount 'ten' is not a number")]
    [InlineData("""{"hashed_id":"B","total_price":"lots","retailer":{"retailer_code":"R"},"order_details":[]}""", "B", "order: total_price 'lots' is not a number")]
    [InlineData("""{"hashed_id":"B","total_price":true,"retailer":{"retailer_code":"R"},"order_details":[]}""", "B", "order: total_price is not a number")]
    [InlineData("""{"retailer":{"retailer_code":"R"},"order_details":[]}""", null, "order has no hashed_id")]
    [InlineData("""["not","an","order"]""", null, "order is not a JSON object")]
    [InlineData("42", null, "order is not a JSON object")]
    public async Task An_unreadable_order_is_set_aside_and_the_rest_of_the_page_still_reads(string bad, string? hashedId, string reason)
    {
        const string good1 = """{"hashed_id":"A","retailer":{"retailer_code":"R"},"order_details":[{"id":1,"amount":1}]}""";
        const string good2 = """{"hashed_id":"C","retailer":{"retailer_code":"R"},"order_details":[{"id":2,"amount":2}]}""";

        var (outcome, page) = await PullFromAsync($"[{good1}, {bad} ,{good2}]");

        Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.Equal(3, page!.RawCount);
        Assert.Equal(["A", "C"], page.Orders.Select(o => o.Id));
        Assert.Equal(new UnreadableOrder(hashedId, reason, bad), Assert.Single(page.Unreadable));
    }

    [Theory]
    [InlineData("""{"orders":[]}""")]
    [InlineData("""<html>502 Bad Gateway</html>""")]
    [InlineData("")]
    [InlineData("""[{"hashed_id":"A" """)]
    public async Task A_2xx_body_that_is_not_a_json_array_is_a_transient_failure(string body)
    {
        var (outcome, page) = await PullFromAsync(body);

        Assert.Null(page);
        Assert.Contains("not a JSON array", Assert.IsType<CallOutcome.TransientFailure>(outcome).Reason);
    }

    [Fact]
    public async Task An_empty_array_is_an_empty_page()
    {
        var (outcome, page) = await PullFromAsync("[]");

        Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.NotNull(page);
        Assert.Equal((0, 0, 0), (page.RawCount, page.Orders.Count, page.Unreadable.Count));
    }

    [Fact]
    public async Task A_pull_then_an_ack_through_the_client_empties_the_queue()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Orders.Place(new CartonaOrderSpec { HashedId = "A", Details = [new CartonaOrderLineSpec("1", 1, 1)] });

        var (_, page) = await scope.Client.PullOrdersAsync(new OrderPageRequest(1, 100, null, null), CancellationToken.None);
        var ack = await scope.Client.UpdateOrderStatusAsync(page!.Orders[0].Id, new OrderStatusUpdate("synced"), CancellationToken.None);
        var (_, after) = await scope.Client.PullOrdersAsync(new OrderPageRequest(1, 100, null, null), CancellationToken.None);

        Assert.IsType<CallOutcome.Accepted>(ack);
        Assert.Empty(after!.Orders);
        Assert.True(scope.Emulator.Orders.Get("A")!.Acked);
    }

    private static async Task<(CallOutcome, OrderPage?)> PullFromAsync(string body)
    {
        using var server = new EchoServer(200, body);
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));
        return await client.PullOrdersAsync(new OrderPageRequest(1, 100, null, null), CancellationToken.None);
    }
}
