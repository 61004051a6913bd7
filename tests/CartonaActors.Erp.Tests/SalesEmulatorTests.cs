using System.Text.Json;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests;

public sealed class SalesEmulatorTests
{
    private static readonly DateTimeOffset ChangeTime = new(2025, 3, 1, 10, 15, 2, TimeSpan.Zero);

    [Fact]
    public async Task Confirming_and_delivering_post_sale_order_and_stock_picking_webhooks_in_the_Odoo_18_shape()
    {
        var clock = new ManualClock(ChangeTime.AddHours(-1));
        await using var scope = await OdooScope.StartAsync(o => o.Clock = clock);
        await using var receiver = await WebhookReceiver.StartAsync();
        var warehouse = scope.Emulator.AddWarehouse("WH", "Main");
        var tea = scope.Emulator.AddProduct("Tea", 10m, ["TEA"]).VariantIds[0];
        await scope.Emulator.SetStockAsync(tea, warehouse, 10, mode: WebhookMode.Lost);
        var partner = scope.Emulator.AddPartner("Kiosk", "retailer_1");
        var order = await scope.Sales.CreateSaleOrderAsync(
            new SaleOrderValues(partner, "cartona/1", "Cartona Order 1", null, [new SaleLineValues(tea, 4, 10m, null)]), default);
        scope.Emulator.WebhookTargets["sale.order"] = new OdooWebhookTarget(receiver.Url, ActionName: "Order to sync");
        scope.Emulator.WebhookTargets["stock.picking"] = new OdooWebhookTarget(receiver.Url, ActionName: "Delivery to sync", ActionId: 58);
        clock.Set(ChangeTime.AddTicks(1234560));

        await scope.Sales.ConfirmSaleOrderAsync(order, default);
        var onConfirm = receiver.Requests;
        var picking = scope.Emulator.Pickings(order).Single();
        clock.Set(ChangeTime.AddSeconds(60));
        await scope.Emulator.ValidateDeliveryAsync(order);
        var onDelivery = receiver.Requests.Skip(onConfirm.Count).ToArray();

        Assert.Equal(2, onConfirm.Count);
        Assert.Equal(
            $"{{\"_action\": \"Order to sync(#57)\", \"_id\": {order}, \"_model\": \"sale.order\", \"client_order_ref\": \"cartona/1\", " +
            $"\"delivery_status\": \"pending\", \"id\": {order}, \"locked\": false, \"name\": \"S{order:D5}\", \"state\": \"sale\", " +
            "\"write_date\": \"2025-03-01 10:15:02.123456\"}",
            onConfirm.Single(r => r.Body.Contains("\"sale.order\"", StringComparison.Ordinal)).Body);
        Assert.Equal(
            $"{{\"_action\": \"Delivery to sync(#58)\", \"_id\": {picking.Id}, \"_model\": \"stock.picking\", \"id\": {picking.Id}, " +
            $"\"name\": \"{picking.Name}\", \"picking_type_code\": \"outgoing\", \"sale_id\": {order}, \"state\": \"assigned\", " +
            "\"write_date\": \"2025-03-01 10:15:02.123456\"}",
            onConfirm.Single(r => r.Body.Contains("\"stock.picking\"", StringComparison.Ordinal)).Body);
        Assert.Equal(2, onDelivery.Length);
        using var pickingBody = JsonDocument.Parse(onDelivery.Single(r => r.Body.Contains("\"stock.picking\"", StringComparison.Ordinal)).Body);
        Assert.Equal("done", pickingBody.RootElement.GetProperty("state").GetString());
        using var orderBody = JsonDocument.Parse(onDelivery.Single(r => r.Body.Contains("\"sale.order\"", StringComparison.Ordinal)).Body);
        Assert.Equal("full", orderBody.RootElement.GetProperty("delivery_status").GetString());
        Assert.Equal("2025-03-01 10:16:02", orderBody.RootElement.GetProperty("write_date").GetString());
        Assert.All(scope.Emulator.WebhookDeliveries, d => Assert.Null(d.Error));
    }

    [Fact]
    public async Task Line_changes_over_rpc_post_the_order_webhook_as_its_write_date_moves()
    {
        await using var scope = await OdooScope.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var tea = scope.Emulator.AddProduct("Tea", 10m, ["TEA"]).VariantIds[0];
        var partner = scope.Emulator.AddPartner("Kiosk");
        var order = await scope.Emulator.CreateSaleOrderAsync(partner, [new OdooSaleLineSeed(tea, 1, 10m)], "cartona/1");
        var line = scope.Emulator.SaleOrders().Single().Lines.Single().Id;
        scope.Emulator.WebhookTargets["sale.order"] = new OdooWebhookTarget(receiver.Url);

        await scope.Client.WriteAsync("sale.order.line", [line], new Dictionary<string, object?> { ["price_unit"] = 12.5 });

        using var body = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        Assert.Equal(order, body.RootElement.GetProperty("_id").GetInt64());
    }

    [Fact]
    public async Task One2many_commands_create_update_delete_clear_and_set_lines_and_read_returns_the_id_list()
    {
        await using var scope = await OdooScope.StartAsync();
        var client = scope.Client;
        var tea = scope.Emulator.AddProduct("Tea", 10m, ["TEA"]).VariantIds[0];
        var rice = scope.Emulator.AddProduct("Rice", 5m, ["RICE"]).VariantIds[0];
        var partner = scope.Emulator.AddPartner("Kiosk");
        Dictionary<string, object?> Line(long product, int qty) => new() { ["product_id"] = product, ["product_uom_qty"] = qty };
        async Task<long[]> LinesAsync(long id) =>
            (await client.ReadAsync("sale.order", [id], ["order_line"]))[0].GetProperty("order_line").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        Task WriteLinesAsync(long id, params object?[] commands) =>
            client.WriteAsync("sale.order", [id], new Dictionary<string, object?> { ["order_line"] = commands });

        var order = await client.CreateAsync("sale.order", new Dictionary<string, object?>
        {
            ["partner_id"] = partner,
            ["order_line"] = new object?[] { new object?[] { 0, 0, Line(tea, 1) }, new object?[] { 0, 0, Line(rice, 2) } },
        });
        var created = await LinesAsync(order);
        await WriteLinesAsync(order, new object?[] { 1, created[0], new Dictionary<string, object?> { ["product_uom_qty"] = 5 } },
            new object?[] { 2, created[1], 0 }, new object?[] { 0, 0, Line(rice, 3) });
        var afterEdit = await LinesAsync(order);
        var priced = await client.ReadAsync("sale.order.line", afterEdit, ["product_id", "product_uom_qty", "price_unit", "order_id"]);
        await WriteLinesAsync(order, [new object?[] { 6, 0, new[] { afterEdit[1] } }]);
        var afterSet = await LinesAsync(order);
        await WriteLinesAsync(order, [new object?[] { 5, 0, 0 }]);
        var afterClear = await LinesAsync(order);

        Assert.Equal(2, created.Length);
        Assert.Equal([created[0], afterEdit[1]], afterEdit);
        Assert.True(afterEdit[1] > created[1]);
        Assert.Equal([(5m, 10m), (3m, 5m)], priced.Select(l => (OdooValues.Decimal(l, "product_uom_qty"), OdooValues.Decimal(l, "price_unit"))));
        Assert.All(priced, l => Assert.Equal(order, OdooValues.Many2OneId(l, "order_id")));
        Assert.Equal([afterEdit[1]], afterSet);
        Assert.Empty(afterClear);
        Assert.Equal(0, await client.SearchCountAsync("sale.order.line", OdooDomain.All));
        await Assert.ThrowsAsync<OdooValidationException>(() => WriteLinesAsync(order, [new object?[] { 9, 0, 0 }]));
        await Assert.ThrowsAsync<OdooValidationException>(() => client.CreateAsync("sale.order", new Dictionary<string, object?> { ["client_order_ref"] = "x" }));
    }

    [Fact]
    public async Task Deleting_an_order_is_refused_once_confirmed_and_takes_its_lines_when_draft()
    {
        await using var scope = await OdooScope.StartAsync();
        scope.Emulator.AddWarehouse("WH", "Main");
        var tea = scope.Emulator.AddProduct("Tea", 10m, ["TEA"]).VariantIds[0];
        var partner = scope.Emulator.AddPartner("Kiosk");
        var draft = await scope.Emulator.CreateSaleOrderAsync(partner, [new OdooSaleLineSeed(tea, 1, 10m)]);
        var confirmed = await scope.Emulator.CreateSaleOrderAsync(partner, [new OdooSaleLineSeed(tea, 1, 10m)]);
        await scope.Emulator.ConfirmSaleOrderAsync(confirmed);

        await scope.Client.CallAsync("sale.order", "unlink", [draft]);
        await Assert.ThrowsAsync<OdooValidationException>(() => scope.Client.CallAsync("sale.order", "unlink", [confirmed]));

        Assert.Equal([confirmed], scope.Emulator.SaleOrders().Select(o => o.Id));
        Assert.Equal(1, await scope.Client.SearchCountAsync("sale.order.line", OdooDomain.All));
    }

    [Fact]
    public async Task Concurrent_confirmations_of_one_order_create_one_picking()
    {
        await using var scope = await OdooScope.StartAsync();
        var warehouse = scope.Emulator.AddWarehouse("WH", "Main");
        var tea = scope.Emulator.AddProduct("Tea", 10m, ["TEA"]).VariantIds[0];
        await scope.Emulator.SetStockAsync(tea, warehouse, 10, mode: WebhookMode.Lost);
        var order = await scope.Emulator.CreateSaleOrderAsync(scope.Emulator.AddPartner("Kiosk"), [new OdooSaleLineSeed(tea, 4, 10m)]);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await scope.Sales.ConfirmSaleOrderAsync(order, default);
                return true;
            }
            catch (OdooValidationException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(a => a));
        Assert.Single(scope.Emulator.Pickings(order));
        Assert.Equal((10m, 4m), scope.Emulator.Stock(tea, warehouse));
    }
}
