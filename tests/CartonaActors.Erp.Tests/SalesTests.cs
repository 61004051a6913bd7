using System.Text.Json;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests;

public sealed class SalesTests
{
    /// <summary>A scope with a warehouse "WH", two variants (TEA 10 in stock, RICE 3 in stock) and a customer.</summary>
    private sealed record World(OdooScope Scope, long Warehouse, long Tea, long Rice, long Partner) : IAsyncDisposable
    {
        public static async Task<World> StartAsync(Action<OdooEmulatorOptions>? configure = null)
        {
            var scope = await OdooScope.StartAsync(configure);
            var warehouse = scope.Emulator.AddWarehouse("WH", "Main");
            var tea = scope.Emulator.AddProduct("Tea", 10m, ["TEA"]).VariantIds[0];
            var rice = scope.Emulator.AddProduct("Rice", 5m, ["RICE"]).VariantIds[0];
            await scope.Emulator.SetStockAsync(tea, warehouse, 10, mode: WebhookMode.Lost);
            await scope.Emulator.SetStockAsync(rice, warehouse, 3, mode: WebhookMode.Lost);
            var partner = scope.Emulator.AddPartner("Kiosk", "retailer_1");
            scope.Emulator.ClearCalls();
            return new World(scope, warehouse, tea, rice, partner);
        }

        public Task<long> CreateOrderAsync(string reference, params SaleLineValues[] lines) =>
            Scope.Sales.CreateSaleOrderAsync(new SaleOrderValues(Partner, reference, $"Cartona Order {reference}", Warehouse, lines), default);

        public async Task<decimal> FreeAsync(long variant) =>
            (await Scope.Catalog.ReadFreeQuantitiesAsync([variant], Warehouse, default))[variant];

        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }

    [Fact]
    public async Task A_partner_is_found_by_ref_archived_included_lowest_id_created_as_a_customer_and_updated_with_given_values_only()
    {
        await using var world = await World.StartAsync();
        var sales = world.Scope.Sales;

        Assert.Null(await sales.FindPartnerByRefAsync("retailer_2", default));
        var id = await sales.CreatePartnerAsync(new PartnerValues("retailer_2", "Shop", "+201", null, "a@b.c", "Street 1"), default);
        await sales.UpdatePartnerAsync(id, new PartnerValues("retailer_2", "Shop Renamed", null, "+202", null, null), default);
        await world.Scope.Emulator.SetActiveAsync("res.partner", id, false, WebhookMode.Lost);
        var later = world.Scope.Emulator.AddPartner("Shop twin", "retailer_2");

        Assert.Equal(id, await sales.FindPartnerByRefAsync("retailer_2", default));
        Assert.Equal(world.Partner, await sales.FindPartnerByRefAsync("retailer_1", default));
        var partner = world.Scope.Emulator.Partners().Single(p => p.Id == id);
        Assert.Equal(new OdooPartnerRecord(id, "Shop Renamed", "retailer_2", "+201", "+202", "a@b.c", "Street 1", 1, false), partner);
        Assert.True(later > id);
    }

    [Fact]
    public async Task A_sale_order_is_created_with_its_lines_in_one_call_and_found_by_client_order_ref()
    {
        await using var world = await World.StartAsync();

        var id = await world.CreateOrderAsync("cartona/abc", new SaleLineValues(world.Tea, 4, 9.5m, null),
            new SaleLineValues(world.Rice, 1, 5m, "Rice, 1 kg"));
        var createCalls = world.Scope.Emulator.Calls.Count(c => c.Service == "object");
        var found = await world.Scope.Sales.FindSaleOrderByRefAsync("cartona/abc", default);

        Assert.Equal(1, createCalls);
        Assert.Equal(1, world.Scope.CallsTo("sale.order", "create"));
        Assert.Equal(0, world.Scope.CallsTo("sale.order.line", "create"));
        Assert.NotNull(found);
        Assert.Equal(id, found.Id);
        Assert.Equal(("cartona/abc", "draft", false, false), (found.ClientOrderRef, found.State, found.Locked, found.DeliveryDone));
        Assert.Equal([(world.Tea, 4m, 9.5m), (world.Rice, 1m, 5m)], found.Lines.Select(l => (l.VariantId, l.Quantity, l.PriceUnit)));
        var order = Assert.Single(world.Scope.Emulator.SaleOrders(), o => o.ClientOrderRef == "cartona/abc");
        Assert.Equal(($"S{id:D5}", world.Partner, "Cartona Order cartona/abc", world.Warehouse), (order.Name, order.PartnerId, order.Origin, order.WarehouseId));
        Assert.Equal(["[TEA] Tea", "Rice, 1 kg"], order.Lines.Select(l => l.Name));
        Assert.Equal(4, world.Scope.Emulator.Calls.Count(c => c.Service == "object")); // create, then one search_read each for order, lines, pickings
        Assert.Null(await world.Scope.Sales.FindSaleOrderByRefAsync("cartona/other", default));
    }

    [Fact]
    public async Task Confirming_reserves_stock_so_free_quantity_drops_and_creates_a_ready_picking_with_a_move_per_line()
    {
        await using var world = await World.StartAsync();
        var id = await world.CreateOrderAsync("cartona/1", new SaleLineValues(world.Tea, 4, 10m, null));

        await world.Scope.Sales.ConfirmSaleOrderAsync(id, default);

        Assert.Equal(6m, await world.FreeAsync(world.Tea));
        Assert.Equal((10m, 4m), world.Scope.Emulator.Stock(world.Tea, world.Warehouse));
        var picking = Assert.Single(world.Scope.Emulator.Pickings(id));
        Assert.Equal(("outgoing", "assigned", world.Warehouse, "WH/OUT/" + picking.Id.ToString("D5")),
            (picking.PickingTypeCode, picking.State, picking.WarehouseId, picking.Name));
        var move = Assert.Single(picking.Moves);
        Assert.Equal((world.Tea, 4m, 4m, "assigned"), (move.ProductId, move.Demand, move.Quantity, move.State));
        var order = world.Scope.Emulator.SaleOrders().Single();
        Assert.Equal(("sale", "pending"), (order.State, order.DeliveryStatus));
        Assert.Equal("sale", (await world.Scope.Sales.ReadSaleOrdersAsync([id], default)).Single().State);
        await Assert.ThrowsAsync<OdooValidationException>(() => world.Scope.Sales.ConfirmSaleOrderAsync(id, default));
    }

    [Fact]
    public async Task Confirming_with_too_little_stock_reserves_what_there_is_and_leaves_the_picking_waiting()
    {
        await using var world = await World.StartAsync();
        var id = await world.CreateOrderAsync("cartona/1", new SaleLineValues(world.Rice, 5, 5m, null), new SaleLineValues(world.Tea, 1, 10m, null));

        await world.Scope.Emulator.ConfirmSaleOrderAsync(id);

        var picking = Assert.Single(world.Scope.Emulator.Pickings(id));
        Assert.Equal("confirmed", picking.State);
        Assert.Equal([(3m, "partially_available"), (1m, "assigned")], picking.Moves.Select(m => (m.Quantity, m.State)));
        Assert.Equal(0m, await world.FreeAsync(world.Rice));
    }

    [Fact]
    public async Task Cancelling_a_confirmed_order_without_the_context_answers_the_wizard_and_the_client_cancels_and_releases_stock()
    {
        await using var world = await World.StartAsync();
        var id = await world.CreateOrderAsync("cartona/1", new SaleLineValues(world.Tea, 4, 10m, null));
        await world.Scope.Sales.ConfirmSaleOrderAsync(id, default);

        var raw = await world.Scope.Client.CallAsync("sale.order", "action_cancel", [id]);
        var stateAfterRaw = world.Scope.Emulator.SaleOrders().Single().State;
        await world.Scope.Sales.CancelSaleOrderAsync(id, default);

        Assert.Equal(JsonValueKind.Object, raw.ValueKind);
        Assert.Equal("ir.actions.act_window", raw.GetProperty("type").GetString());
        Assert.Equal("sale.order.cancel", raw.GetProperty("res_model").GetString());
        Assert.Equal(id, raw.GetProperty("context").GetProperty("default_order_id").GetInt64());
        Assert.Equal("sale", stateAfterRaw);
        var order = world.Scope.Emulator.SaleOrders().Single();
        Assert.Equal(("cancel", null), (order.State, order.DeliveryStatus));
        Assert.Equal("cancel", Assert.Single(world.Scope.Emulator.Pickings(id)).State);
        Assert.Equal((10m, 0m), world.Scope.Emulator.Stock(world.Tea, world.Warehouse));
        Assert.Equal(10m, await world.FreeAsync(world.Tea));
        Assert.True(await world.Scope.Client.CallAsync("sale.order", "action_draft", [id]) is { ValueKind: JsonValueKind.True });
        Assert.Equal("draft", world.Scope.Emulator.SaleOrders().Single().State);
    }

    [Fact]
    public async Task A_draft_order_is_cancelled_by_plain_action_cancel()
    {
        await using var world = await World.StartAsync();
        var id = await world.CreateOrderAsync("cartona/1", new SaleLineValues(world.Tea, 4, 10m, null));

        var result = await world.Scope.Client.CallAsync("sale.order", "action_cancel", [id]);

        Assert.Equal(JsonValueKind.True, result.ValueKind);
        Assert.Equal("cancel", world.Scope.Emulator.SaleOrders().Single().State);
    }

    [Fact]
    public async Task A_locked_order_cannot_be_cancelled_nor_its_lines_edited()
    {
        await using var world = await World.StartAsync(o => o.LockConfirmedOrders = true);
        var id = await world.CreateOrderAsync("cartona/1", new SaleLineValues(world.Tea, 4, 10m, null));
        await world.Scope.Sales.ConfirmSaleOrderAsync(id, default);
        var line = world.Scope.Emulator.SaleOrders().Single().Lines.Single().Id;

        var cancel = await Assert.ThrowsAsync<OdooValidationException>(() => world.Scope.Sales.CancelSaleOrderAsync(id, default));
        var edit = await Assert.ThrowsAsync<OdooValidationException>(() => world.Scope.Client.WriteAsync("sale.order.line", [line],
            new Dictionary<string, object?> { ["product_uom_qty"] = 1 }));

        Assert.Contains("locked", cancel.Message);
        Assert.Contains("locked", edit.Message);
        var order = (await world.Scope.Sales.ReadSaleOrdersAsync([id], default)).Single();
        Assert.Equal(("sale", true, 4m), (order.State, order.Locked, order.Lines.Single().Quantity));
        Assert.Equal(6m, await world.FreeAsync(world.Tea));
    }

    [Fact]
    public async Task Validating_the_delivery_takes_the_stock_out_marks_the_order_delivered_and_a_second_validation_is_refused()
    {
        await using var world = await World.StartAsync();
        var id = await world.CreateOrderAsync("cartona/1", new SaleLineValues(world.Tea, 4, 10m, null));
        await world.Scope.Sales.ConfirmSaleOrderAsync(id, default);
        var picking = world.Scope.Emulator.Pickings(id).Single().Id;

        await world.Scope.Sales.ValidateDeliveryAsync(id, default);

        Assert.Equal((6m, 0m), world.Scope.Emulator.Stock(world.Tea, world.Warehouse));
        Assert.Equal(6m, await world.FreeAsync(world.Tea));
        var order = (await world.Scope.Sales.ReadSaleOrdersAsync([id], default)).Single();
        Assert.True(order.DeliveryDone);
        Assert.Equal("sale", order.State);
        var record = world.Scope.Emulator.SaleOrders().Single();
        Assert.Equal(("full", 4m), (record.DeliveryStatus, record.Lines.Single().QtyDelivered));
        Assert.Equal("done", world.Scope.Emulator.Pickings(id).Single().State);
        await Assert.ThrowsAsync<OdooValidationException>(() => world.Scope.Client.CallAsync("stock.picking", "button_validate", [picking]));
        await world.Scope.Sales.ValidateDeliveryAsync(id, default); // nothing open any more: nothing to do
        await Assert.ThrowsAsync<InvalidOperationException>(() => world.Scope.Emulator.ValidateDeliveryAsync(id));
        Assert.Equal((6m, 0m), world.Scope.Emulator.Stock(world.Tea, world.Warehouse));
    }

    [Fact]
    public async Task A_short_delivery_answers_the_backorder_wizard_but_the_client_delivers_the_full_demand()
    {
        await using var world = await World.StartAsync();
        var id = await world.CreateOrderAsync("cartona/1", new SaleLineValues(world.Rice, 5, 5m, null));
        await world.Scope.Sales.ConfirmSaleOrderAsync(id, default);
        var picking = world.Scope.Emulator.Pickings(id).Single().Id;

        var raw = await world.Scope.Client.CallAsync("stock.picking", "button_validate", [picking]);
        var stateAfterRaw = world.Scope.Emulator.Pickings(id).Single().State;
        await world.Scope.Sales.ValidateDeliveryAsync(id, default);

        Assert.Equal("stock.backorder.confirmation", raw.GetProperty("res_model").GetString());
        Assert.Equal("confirmed", stateAfterRaw);
        Assert.Equal((-2m, 0m), world.Scope.Emulator.Stock(world.Rice, world.Warehouse));
        Assert.Equal(5m, world.Scope.Emulator.Pickings(id).Single().Moves.Single().Quantity);
        Assert.True((await world.Scope.Sales.ReadSaleOrdersAsync([id], default)).Single().DeliveryDone);
    }

    [Fact]
    public async Task Lines_of_a_draft_order_are_replaced_in_one_write_and_a_confirmed_order_refuses_it()
    {
        await using var world = await World.StartAsync();
        var draft = await world.CreateOrderAsync("cartona/1", new SaleLineValues(world.Tea, 4, 10m, null), new SaleLineValues(world.Rice, 1, 5m, null));
        var confirmed = await world.CreateOrderAsync("cartona/2", new SaleLineValues(world.Tea, 1, 10m, null));
        await world.Scope.Sales.ConfirmSaleOrderAsync(confirmed, default);
        var oldLines = world.Scope.Emulator.SaleOrders().Single(o => o.Id == draft).Lines.Select(l => l.Id).ToArray();
        world.Scope.Emulator.ClearCalls();

        await world.Scope.Sales.ReplaceLinesAsync(draft, [new SaleLineValues(world.Rice, 2, 4.5m, null)], default);
        var writes = world.Scope.Emulator.Calls.Count;
        var refused = await Assert.ThrowsAsync<OdooValidationException>(() =>
            world.Scope.Sales.ReplaceLinesAsync(confirmed, [new SaleLineValues(world.Rice, 2, 4.5m, null)], default));

        Assert.Equal(1, writes);
        var line = Assert.Single((await world.Scope.Sales.ReadSaleOrdersAsync([draft], default)).Single().Lines);
        Assert.Equal((world.Rice, 2m, 4.5m), (line.VariantId, line.Quantity, line.PriceUnit));
        Assert.DoesNotContain(line.Id, oldLines);
        Assert.Contains("confirmed", refused.Message);
        Assert.Equal(2, world.Scope.Emulator.SaleOrders().SelectMany(o => o.Lines).Count());
    }

    [Fact]
    public async Task The_poller_sees_an_order_whose_delivery_was_validated_and_pages_on_second_and_id()
    {
        var start = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        await using var world = await World.StartAsync(o => o.Clock = clock);
        var first = await world.CreateOrderAsync("cartona/1", new SaleLineValues(world.Tea, 1, 10m, null));
        var second = await world.CreateOrderAsync("cartona/2", new SaleLineValues(world.Tea, 1, 10m, null));
        await world.Scope.Sales.ConfirmSaleOrderAsync(first, default);
        await world.Scope.Sales.ConfirmSaleOrderAsync(second, default);
        var delivery = start.AddMinutes(5).AddTicks(4_000_000);
        clock.Set(delivery);

        var beforeDelivery = await world.Scope.Sales.ReadChangedSaleOrdersAsync(delivery.UtcDateTime, null, 0, 10, default);
        await world.Scope.Emulator.ValidateDeliveryAsync(second);
        var changed = await world.Scope.Sales.ReadChangedSaleOrdersAsync(delivery.UtcDateTime, null, 0, 10, default);
        var all = await world.Scope.Sales.ReadChangedSaleOrdersAsync(start.UtcDateTime, null, 0, 1, default);
        var rest = await world.Scope.Sales.ReadChangedSaleOrdersAsync(start.UtcDateTime, all[0].WriteDate, all[0].Id, 10, default);

        Assert.Empty(beforeDelivery);
        var order = Assert.Single(changed);
        Assert.Equal((second, true, "sale"), (order.Id, order.DeliveryDone, order.State));
        Assert.Equal(new DateTime(2025, 3, 1, 10, 5, 0, DateTimeKind.Utc), order.WriteDate);
        Assert.Equal([first, second], all.Concat(rest).Select(o => o.Id));
    }

    [Fact]
    public async Task Pickings_map_to_their_sale_orders_and_unknown_ones_are_left_out()
    {
        await using var world = await World.StartAsync();
        var a = await world.CreateOrderAsync("cartona/a", new SaleLineValues(world.Tea, 1, 10m, null));
        var b = await world.CreateOrderAsync("cartona/b", new SaleLineValues(world.Tea, 1, 10m, null));
        await world.Scope.Sales.ConfirmSaleOrderAsync(a, default);
        await world.Scope.Sales.ConfirmSaleOrderAsync(b, default);
        var pickings = world.Scope.Emulator.Pickings().Select(p => p.Id).ToArray();
        world.Scope.Emulator.ClearCalls();

        var orders = await world.Scope.Sales.SaleOrderIdsOfPickingsAsync([.. pickings, 999], default);

        Assert.Equal([a, b], orders);
        Assert.Single(world.Scope.Emulator.Calls);
    }

    [Fact]
    public async Task Reading_many_orders_takes_three_calls()
    {
        await using var world = await World.StartAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
            ids.Add(await world.CreateOrderAsync($"cartona/{i}", new SaleLineValues(world.Tea, 1, 10m, null), new SaleLineValues(world.Rice, 1, 5m, null)));
        await world.Scope.Sales.ConfirmSaleOrderAsync(ids[0], default);
        await world.Scope.Sales.ValidateDeliveryAsync(ids[0], default);
        world.Scope.Emulator.ClearCalls();

        var orders = await world.Scope.Sales.ReadSaleOrdersAsync([.. ids, 999], default);

        Assert.Equal(ids, orders.Select(o => o.Id));
        Assert.All(orders, o => Assert.Equal(2, o.Lines.Count));
        Assert.Equal([true, false, false, false, false], orders.Select(o => o.DeliveryDone));
        Assert.Equal(3, world.Scope.Emulator.Calls.Count);
    }

    [Fact]
    public async Task Odoo_side_line_edits_follow_Odoo_rules_and_move_the_order_write_date()
    {
        var start = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        await using var world = await World.StartAsync(o => o.Clock = clock);
        var id = await world.CreateOrderAsync("cartona/1", new SaleLineValues(world.Tea, 4, 10m, null), new SaleLineValues(world.Rice, 1, 5m, null));
        await world.Scope.Sales.ConfirmSaleOrderAsync(id, default);
        var lines = world.Scope.Emulator.SaleOrders().Single().Lines;
        clock.Set(start.AddMinutes(1));

        await world.Scope.Emulator.SetLinePriceAsync(lines[0].Id, 9m);
        var afterPrice = world.Scope.Emulator.SaleOrders().Single().WriteDate;
        await world.Scope.Emulator.SetLineQuantityAsync(lines[0].Id, 7m);

        Assert.Equal(start.AddMinutes(1).UtcDateTime, afterPrice);
        var order = (await world.Scope.Sales.ReadSaleOrdersAsync([id], default)).Single();
        Assert.Equal((7m, 9m), (order.Lines[0].Quantity, order.Lines[0].PriceUnit));
        Assert.Equal(3m, await world.FreeAsync(world.Tea));
        Assert.Equal(7m, world.Scope.Emulator.Pickings(id).Single().Moves[0].Demand);
        await Assert.ThrowsAnyAsync<Exception>(() => world.Scope.Emulator.DeleteLineAsync(lines[1].Id));
        Assert.Equal(2, world.Scope.Emulator.SaleOrders().Single().Lines.Count);
    }

    [Fact]
    public async Task Private_methods_are_refused_over_rpc()
    {
        await using var world = await World.StartAsync();
        var id = await world.CreateOrderAsync("cartona/1", new SaleLineValues(world.Tea, 4, 10m, null));

        await Assert.ThrowsAsync<OdooAccessException>(() => world.Scope.Client.CallAsync("sale.order", "_action_cancel", [id]));
        Assert.Equal("draft", world.Scope.Emulator.SaleOrders().Single().State);
    }
}
