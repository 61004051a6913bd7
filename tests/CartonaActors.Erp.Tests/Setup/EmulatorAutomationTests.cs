using System.Text.Json;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests.Setup;

/// <summary>The emulator's automation rules as Odoo 17+ runs them, created over plain execute_kw.</summary>
public sealed class EmulatorAutomationTests
{
    private static async Task<long> ModelIdAsync(OdooScope scope, string model) =>
        (await scope.Client.SearchAsync("ir.model", [new object?[] { "model", "=", model }])).Single();

    private static async Task<long> RuleAsync(OdooScope scope, string model, string url, Dictionary<string, object?>? extra = null, string[]? fields = null)
    {
        var modelId = await ModelIdAsync(scope, model);
        var fieldIds = fields is null ? [] : await scope.Client.SearchAsync("ir.model.fields",
            [new object?[] { "model", "=", model }, new object?[] { "name", "in", fields }]);
        var values = new Dictionary<string, object?>
        {
            ["name"] = "rule on " + model, ["model_id"] = modelId, ["trigger"] = "on_create_or_write",
            ["action_server_ids"] = new object[] { new object?[] { 0, 0, new Dictionary<string, object?>
            {
                ["name"] = "Notify", ["model_id"] = modelId, ["state"] = "webhook", ["webhook_url"] = url,
                ["webhook_field_ids"] = new object[] { new object[] { 6, 0, fieldIds.ToArray() } },
            } } },
        };
        foreach (var (k, v) in extra ?? []) values[k] = v;
        return await scope.Client.CreateAsync("base.automation", values);
    }

    [Fact]
    public async Task A_webhook_rule_posts_the_selected_fields_as_odoo_does_on_create_and_on_write()
    {
        await using var scope = await OdooScope.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var product = scope.Emulator.AddProduct("Tea", 10m, ["SKU-A"]);
        await RuleAsync(scope, "product.template", receiver.Url, fields: ["list_price"]);
        var actionId = Assert.Single(scope.Emulator.Records("ir.actions.server")).Id;

        await scope.Emulator.SetListPriceAsync(product.TemplateId, 19.5m);
        var created = await scope.Client.CreateAsync("product.template", new Dictionary<string, object?> { ["name"] = "Coffee", ["list_price"] = 4.0 });

        Assert.Equal(
            [$"{{\"_action\": \"Notify(#{actionId})\", \"_id\": {product.TemplateId}, \"_model\": \"product.template\", \"id\": {product.TemplateId}, \"list_price\": 19.5}}",
             $"{{\"_action\": \"Notify(#{actionId})\", \"_id\": {created}, \"_model\": \"product.template\", \"id\": {created}, \"list_price\": 4.0}}"],
            receiver.Requests.Select(r => r.Body));
    }

    [Fact]
    public async Task Archived_rules_creation_only_rules_and_rules_whose_trigger_fields_did_not_change_stay_silent()
    {
        await using var scope = await OdooScope.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var product = scope.Emulator.AddProduct("Tea", 10m, ["SKU-A"]);
        var fieldId = (await scope.Client.SearchAsync("ir.model.fields",
            [new object?[] { "model", "=", "product.template" }, new object?[] { "name", "=", "sale_ok" }])).Single();
        await RuleAsync(scope, "product.template", receiver.Url + "&rule=archived", new() { ["active"] = false });
        await RuleAsync(scope, "product.template", receiver.Url + "&rule=create", new() { ["trigger"] = "on_create" });
        await RuleAsync(scope, "product.template", receiver.Url + "&rule=sale_ok",
            new() { ["trigger_field_ids"] = new object[] { new object[] { 6, 0, new[] { fieldId } } } });

        await scope.Emulator.SetListPriceAsync(product.TemplateId, 11m);
        Assert.Empty(receiver.Requests);
        await scope.Emulator.WriteAsync("product.template", [product.TemplateId], new Dictionary<string, object?> { ["sale_ok"] = false });
        Assert.Equal(["?token=s3cret&rule=sale_ok"], receiver.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task Before_17_there_is_no_webhook_action_to_create()
    {
        await using var scope = await OdooScope.StartAsync(o => o.ServerVersion = "16.0");
        var version = await scope.Transport.VersionAsync(default);
        Assert.Equal("16.0", version.GetProperty("server_serie").GetString());
        Assert.Equal(16, version.GetProperty("server_version_info")[0].GetInt32());
        var modelId = await ModelIdAsync(scope, "product.template");

        var stateRefused = await Assert.ThrowsAsync<OdooValidationException>(() => scope.Client.CreateAsync("ir.actions.server",
            new Dictionary<string, object?> { ["name"] = "Notify", ["model_id"] = modelId, ["state"] = "webhook" }));
        Assert.Contains("state", stateRefused.Message);
        await Assert.ThrowsAsync<OdooValidationException>(() => scope.Client.SearchReadAsync("ir.actions.server", [], ["webhook_url"]));
    }

    [Fact]
    public async Task A_refused_right_answers_false_to_check_access_rights_and_fails_the_orm_call()
    {
        await using var scope = await OdooScope.StartAsync(o => o.RefusedAccess["res.partner"] = ["create"]);
        async Task<JsonElement> Check(string model, string operation) =>
            await scope.Transport.ExecuteKwAsync(model, "check_access_rights", [operation], new Dictionary<string, object?> { ["raise_exception"] = false }, default);

        Assert.Equal(JsonValueKind.False, (await Check("res.partner", "create")).ValueKind);
        Assert.Equal(JsonValueKind.True, (await Check("res.partner", "write")).ValueKind);
        await Assert.ThrowsAsync<OdooAccessException>(() => scope.Transport.ExecuteKwAsync("res.partner", "check_access_rights", ["create"], null, default));
        await Assert.ThrowsAsync<OdooAccessException>(() => scope.Client.CreateAsync("res.partner", new Dictionary<string, object?> { ["name"] = "Mona" }));
    }
}
