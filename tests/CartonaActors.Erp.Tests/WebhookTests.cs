using System.Text.Json;
using CartonaActors.Erp;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests;

public sealed class WebhookTests
{
    private static readonly DateTimeOffset ChangeTime = new(2025, 3, 1, 10, 15, 2, TimeSpan.Zero);

    private static async Task<(OdooScope Scope, WebhookReceiver Receiver, OdooSeededProduct Product)> StartAsync()
    {
        var clock = new ManualClock(ChangeTime.AddHours(-1));
        var scope = await OdooScope.StartAsync(o => o.Clock = clock);
        var receiver = await WebhookReceiver.StartAsync();
        var product = scope.Emulator.AddProduct("Tea", 10m, ["SKU-A"]);
        scope.Emulator.WebhookTargets["product.template"] = new OdooWebhookTarget(receiver.Url, ActionName: "Push price to sync");
        clock.Set(ChangeTime.AddTicks(1234560)); // .123456 s
        return (scope, receiver, product);
    }

    [Fact]
    public async Task Normal_posts_before_commit_so_a_read_back_during_the_post_sees_the_old_price_and_after_it_the_new()
    {
        var (scope, receiver, product) = await StartAsync();
        await using var _ = scope;
        await using var __ = receiver;
        var seenDuringPost = new List<decimal>();
        receiver.OnRequest = async _ =>
            seenDuringPost.Add((await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default))[0].LstPrice);

        await scope.Emulator.SetListPriceAsync(product.TemplateId, 19.5m);

        Assert.Equal([10m], seenDuringPost);
        Assert.Equal(19.5m, (await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default))[0].LstPrice);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("application/json", request.ContentType);
        Assert.False(request.HasAuthorization);
        Assert.Equal("?token=s3cret", request.Query);
        Assert.Equal(
            "{\"_action\": \"Push price to sync(#57)\", \"_id\": 1, \"_model\": \"product.template\", \"active\": true, " +
            "\"default_code\": \"SKU-A\", \"id\": 1, \"list_price\": 19.5, \"product_variant_ids\": [1], " +
            "\"write_date\": \"2025-03-01 10:15:02.123456\"}",
            request.Body);
        Assert.Null(Assert.Single(scope.Emulator.WebhookDeliveries).Error);
    }

    [Fact]
    public async Task Rollback_posts_the_new_price_that_never_becomes_visible()
    {
        var (scope, receiver, product) = await StartAsync();
        await using var _ = scope;
        await using var __ = receiver;

        await scope.Emulator.SetListPriceAsync(product.TemplateId, 30m, WebhookMode.Rollback);

        using var body = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        Assert.Equal(30m, body.RootElement.GetProperty("list_price").GetDecimal());
        Assert.Equal(10m, (await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default))[0].LstPrice);
        Assert.Empty(await scope.Catalog.ReadChangedAsync("product.template", ChangeTime.UtcDateTime, null, 0, 10, default));
    }

    [Fact]
    public async Task Duplicate_posts_the_same_body_twice_and_lost_posts_nothing_yet_both_commit()
    {
        var (scope, receiver, product) = await StartAsync();
        await using var _ = scope;
        await using var __ = receiver;

        await scope.Emulator.SetListPriceAsync(product.TemplateId, 11m, WebhookMode.Duplicate);
        var afterDuplicate = receiver.Requests;
        await scope.Emulator.SetListPriceAsync(product.TemplateId, 12m, WebhookMode.Lost);

        Assert.Equal(2, afterDuplicate.Count);
        Assert.Equal(afterDuplicate[0].Body, afterDuplicate[1].Body);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(12m, (await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default))[0].LstPrice);
    }

    [Fact]
    public async Task A_slow_receiver_times_out_after_the_webhook_timeout_and_the_change_still_commits()
    {
        var (scope, receiver, product) = await StartAsync();
        await using var _ = scope;
        await using var __ = receiver;
        scope.Emulator.Options.WebhookTimeout = TimeSpan.FromMilliseconds(200);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.OnRequest = _ => release.Task;

        await scope.Emulator.SetListPriceAsync(product.TemplateId, 15m);
        release.SetResult();

        var delivery = Assert.Single(scope.Emulator.WebhookDeliveries);
        Assert.Null(delivery.Status);
        Assert.Contains("timeout", delivery.Error);
        Assert.Equal(15m, (await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default))[0].LstPrice);
    }

    [Fact]
    public async Task An_unreachable_receiver_is_only_recorded_and_the_change_commits()
    {
        var (scope, receiver, product) = await StartAsync();
        await using var _ = scope;
        await receiver.DisposeAsync();

        await scope.Emulator.SetListPriceAsync(product.TemplateId, 16m);

        Assert.NotNull(Assert.Single(scope.Emulator.WebhookDeliveries).Error);
        Assert.Equal(16m, (await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default))[0].LstPrice);
    }

    [Fact]
    public async Task A_reservation_posts_the_quant_with_bare_many2one_ids()
    {
        var (scope, receiver, product) = await StartAsync();
        await using var _ = scope;
        await using var __ = receiver;
        var warehouse = scope.Emulator.AddWarehouse("WH", "Main");
        var quant = await scope.Emulator.SetStockAsync(product.VariantIds[0], warehouse, 10, mode: WebhookMode.Lost);
        scope.Emulator.WebhookTargets["stock.quant"] = new OdooWebhookTarget(receiver.Url);

        await scope.Emulator.ReserveAsync(product.VariantIds[0], warehouse, 4);

        Assert.Equal(
            $"{{\"_action\": \"Send Webhook Notification(#57)\", \"_id\": {quant}, \"_model\": \"stock.quant\", \"id\": {quant}, " +
            $"\"product_id\": {product.VariantIds[0]}, \"quantity\": 10.0, \"reserved_quantity\": 4.0, \"warehouse_id\": {warehouse}, " +
            "\"write_date\": \"2025-03-01 10:15:02.123456\"}",
            Assert.Single(receiver.Requests).Body);
        Assert.Equal(6m, (await scope.Catalog.ReadFreeQuantitiesAsync(product.VariantIds.ToArray(), warehouse, default))[product.VariantIds[0]]);
    }

    [Fact]
    public async Task A_price_extra_change_posts_the_attribute_value_not_the_variant_and_the_body_resolves_to_it()
    {
        var (scope, receiver, product) = await StartAsync();
        await using var _ = scope;
        await using var __ = receiver;
        scope.Emulator.WebhookTargets["product.product"] = new OdooWebhookTarget(receiver.Url);
        scope.Emulator.WebhookTargets["product.template.attribute.value"] = new OdooWebhookTarget(receiver.Url);
        var seenDuringPost = new List<decimal>();
        receiver.OnRequest = async _ =>
            seenDuringPost.Add((await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default))[0].LstPrice);

        await scope.Emulator.SetPriceExtraAsync(product.VariantIds[0], 2.5m);

        var value = Assert.Single(scope.Emulator.AttributeValueIdsOf(product.VariantIds[0]));
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(
            $"{{\"_action\": \"Send Webhook Notification(#57)\", \"_id\": {value}, \"_model\": \"product.template.attribute.value\", " +
            $"\"id\": {value}, \"name\": \"SKU-A\", \"price_extra\": 2.5, \"product_tmpl_id\": {product.TemplateId}, " +
            "\"write_date\": \"2025-03-01 10:15:02.123456\"}",
            request.Body);
        Assert.Equal([10m], seenDuringPost); // posted before commit
        using var body = JsonDocument.Parse(request.Body);
        var model = body.RootElement.GetProperty("_model").GetString()!;
        var id = body.RootElement.GetProperty("_id").GetInt64();
        Assert.Equal(product.VariantIds, await scope.Catalog.ResolveVariantIdsAsync(model, [id], default));
        Assert.Equal(12.5m, (await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default))[0].LstPrice);
    }

    [Fact]
    public async Task Writes_over_json_rpc_fire_webhooks_too()
    {
        var (scope, receiver, product) = await StartAsync();
        await using var _ = scope;
        await using var __ = receiver;

        await scope.Client.WriteAsync("product.template", [product.TemplateId], new Dictionary<string, object?> { ["list_price"] = 8.25m });

        using var body = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        Assert.Equal(8.25m, body.RootElement.GetProperty("list_price").GetDecimal());
        Assert.Equal(8.25m, (await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default))[0].LstPrice);
    }
}
