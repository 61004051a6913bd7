using System.Text.Json;
using CartonaActors.Erp.Setup;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests.Setup;

/// <summary><see cref="OdooAutomationSetup"/> against the Odoo emulator over JSON-RPC, and the webhooks its rules make.</summary>
public sealed class AutomationSetupTests
{
    private static readonly string[] Models = ["product.product", "product.template", "stock.quant", "sale.order"];

    [Fact]
    public async Task Apply_creates_one_rule_per_model_that_posts_model_and_id_on_save_and_a_second_apply_changes_nothing()
    {
        await using var scope = await OdooScope.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var product = scope.Emulator.AddProduct("Tea", 10m, ["SKU-A"]);
        var setup = new OdooAutomationSetup(scope.Transport);

        var check = await setup.RunAsync(Models, receiver.Url, apply: false, default);
        Assert.Equal(("18.0", true, 0), (check.OdooVersion, check.WebhooksSupported, check.Changed));
        Assert.All(check.Rules, r => Assert.Equal("missing", r.State));
        var first = await setup.RunAsync(Models, receiver.Url, apply: true, default);
        Assert.Equal(Models.Length, first.Changed);
        Assert.All(first.Rules, r => Assert.Equal("created", r.State));
        var second = await setup.RunAsync(Models, receiver.Url, apply: true, default);
        Assert.Equal(0, second.Changed);
        Assert.All(second.Rules, r => Assert.Equal("ok", r.State));

        var rules = scope.Emulator.Records("base.automation");
        Assert.Equal(Models.Order(), rules.Select(r => ModelOf(scope, r)).Order());
        Assert.All(rules, r => Assert.Equal("on_create_or_write", r["trigger"]));
        var actions = scope.Emulator.Records("ir.actions.server");
        Assert.Equal(Models.Length, actions.Count);
        Assert.All(actions, a => Assert.Equal(("webhook", receiver.Url), (a["state"], a["webhook_url"])));

        await scope.Emulator.SetListPriceAsync(product.TemplateId, 12m); // the template and, through write_date, its variant
        var bodies = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToArray();
        Assert.Equal(2, bodies.Length);
        var template = Assert.Single(bodies, b => b.GetProperty("_model").GetString() == "product.template");
        Assert.Equal(product.TemplateId, template.GetProperty("_id").GetInt64());
        Assert.Equal(["_action", "_id", "_model"], template.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"CartonaActors: product.template(#{actions.Single(a => a["name"] is "CartonaActors: product.template").Id})",
            template.GetProperty("_action").GetString());
        Assert.Contains(bodies, b => b.GetProperty("_model").GetString() == "product.product" && b.GetProperty("_id").GetInt64() == product.VariantIds[0]);
    }

    [Fact]
    public async Task A_rule_left_with_an_old_secret_or_archived_is_reported_outdated_without_the_secrets_and_repaired()
    {
        await using var scope = await OdooScope.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var setup = new OdooAutomationSetup(scope.Transport);
        var old = receiver.Url.Replace("s3cret", "old-secret-77", StringComparison.Ordinal);
        await setup.RunAsync(["product.template", "stock.quant"], old, apply: true, default);
        var quantRule = scope.Emulator.Records("base.automation").Single(r => ModelOf(scope, r) == "stock.quant");
        await scope.Client.WriteAsync("base.automation", [quantRule.Id], new Dictionary<string, object?> { ["active"] = false });

        var check = await setup.RunAsync(["product.template", "stock.quant"], receiver.Url, apply: false, default);
        Assert.All(check.Rules, r => Assert.Equal("outdated", r.State));
        Assert.Contains("archived", check.Rules.Single(r => r.Model == "stock.quant").Detail);
        var text = JsonSerializer.Serialize(check);
        Assert.DoesNotContain("s3cret", text);
        Assert.DoesNotContain("old-secret-77", text);

        var apply = await setup.RunAsync(["product.template", "stock.quant"], receiver.Url, apply: true, default);
        Assert.Equal(2, apply.Changed);
        Assert.All(apply.Rules, r => Assert.Equal("updated", r.State));
        Assert.Equal(2, scope.Emulator.Records("base.automation").Count);
        Assert.All(scope.Emulator.Records("ir.actions.server"), a => Assert.Equal(receiver.Url, a["webhook_url"]));
        Assert.Equal(0, (await setup.RunAsync(["product.template", "stock.quant"], receiver.Url, apply: true, default)).Changed);
    }

    [Fact]
    public async Task On_16_webhooks_are_unsupported_nothing_is_created_and_no_error_is_raised()
    {
        await using var scope = await OdooScope.StartAsync(o => o.ServerVersion = "16.0");
        var setup = new OdooAutomationSetup(scope.Transport);

        var report = await setup.RunAsync(Models, "http://127.0.0.1:9/webhooks/odoo?token=t0ken-123", apply: true, default);

        Assert.Equal(("16.0", false, 0), (report.OdooVersion, report.WebhooksSupported, report.Changed));
        Assert.All(report.Rules, r => Assert.Equal("unsupported", r.State));
        Assert.Contains("poller", report.Message);
        Assert.Empty(scope.Emulator.Records("base.automation"));
        Assert.Equal(0, scope.CallsTo("base.automation", "create"));
    }

    [Fact]
    public async Task Access_rights_are_reported_per_model_and_a_missing_one_named()
    {
        await using var scope = await OdooScope.StartAsync(o => o.RefusedAccess["sale.order"] = ["create", "write"]);
        var report = await new OdooAutomationSetup(scope.Transport).RunAsync(Models, "http://127.0.0.1:9/webhooks/odoo?token=t0ken-123", false, default);

        var orders = report.AccessRights.Single(a => a.Model == "sale.order");
        Assert.Equal((true, false, false, false), (orders.Read, orders.Write, orders.Create, orders.Ok));
        Assert.Equal("needs write, create", orders.Detail);
        Assert.All(report.AccessRights.Where(a => a.Model != "sale.order"), a => Assert.True(a.Ok, a.Model));
        Assert.Contains("sale.order", report.Message);
        Assert.Equal(AccessNeed.Service.Select(n => n.Model), report.AccessRights.Select(a => a.Model));
    }

    [Fact]
    public async Task An_unreachable_odoo_fails_with_a_server_error_that_names_neither_secret()
    {
        await using var scope = await OdooScope.StartAsync();
        using var dead = scope.TransportWith(s => s.Url = "http://127.0.0.1:9/");
        var error = await Assert.ThrowsAsync<OdooServerException>(() =>
            new OdooAutomationSetup(dead).RunAsync(Models, "http://127.0.0.1:9/webhooks/odoo?token=t0ken-123", true, default));
        Assert.DoesNotContain("t0ken-123", error.Message);
        Assert.DoesNotContain(scope.ApiKey, error.Message);
    }

    private static string? ModelOf(OdooScope scope, OdooRecord rule) =>
        scope.Emulator.Find("ir.model", (long)rule["model_id"]!)?["model"] as string;
}
