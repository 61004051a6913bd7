using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartonaActors.Sandbox.Odoo;
using CartonaActors.Service.Api;
using CartonaActors.Testing;

namespace CartonaActors.Service.Tests;

/// <summary><c>cartonactl odoo setup</c>'s endpoints against the Odoo emulator: the rules they make are the only way
/// Odoo's changes reach the service by webhook here.</summary>
public sealed class OdooSetupSpecs
{
    private static readonly Dictionary<string, string[]> OneConnection = new() { ["cartona"] = ["WH1"] };

    /// <summary>The service on a port picked beforehand, so its public address can be configured.</summary>
    private static Dictionary<string, string?> Addressed(string pollInterval)
    {
        var address = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";
        return new() { ["urls"] = address, ["CartonaActors:Odoo:WebhookBaseUrl"] = address, ["CartonaActors:ErpSync:PollInterval"] = pollInterval };
    }

    [Fact]
    public async Task Apply_creates_the_rules_once_and_then_an_odoo_price_change_reaches_cartona_by_webhook()
    {
        OdooSeed seed = null!;
        // The poller reads once at start and then not for ten minutes: a change within the test arrives by webhook or not at all.
        await using var world = await OdooWorld.StartAsync(o => { o.AddWarehouse("WH1", "Main"); seed = o.SeedCatalog(3, 10m, 5m); },
            OneConnection, 3, Addressed("00:10:00"), presetWebhooks: false);
        await world.LoadCatalogAsync(TimeSpan.FromSeconds(60));
        await Until.TrueAsync(() => Task.FromResult(world.Cartona["cartona"].Catalog.TryGet("2")?.SellingPrice == "10.0"), TimeSpan.FromSeconds(30), "initial price");

        var check = await ReportAsync(await world.Service.Http.GetAsync("/api/erp/odoo-setup"));
        Assert.Equal(("18.0", true, 0), (check.GetProperty("odooVersion").GetString(), check.GetProperty("webhooksSupported").GetBoolean(), check.GetProperty("changed").GetInt32()));
        Assert.All(check.GetProperty("rules").EnumerateArray(), r => Assert.Equal("missing", r.GetProperty("state").GetString()));
        Assert.All(check.GetProperty("accessRights").EnumerateArray(), a => Assert.True(a.GetProperty("ok").GetBoolean()));

        var first = await world.Service.Http.PostAsync("/api/erp/odoo-setup", null);
        var applied = await ReportAsync(first);
        Assert.Equal(OdooSetupEndpoints.FollowedModels.Count, applied.GetProperty("changed").GetInt32());
        var second = await ReportAsync(await world.Service.Http.PostAsync("/api/erp/odoo-setup", null));
        Assert.Equal(0, second.GetProperty("changed").GetInt32());
        Assert.All(second.GetProperty("rules").EnumerateArray(), r => Assert.Equal("ok", r.GetProperty("state").GetString()));
        var ruleModels = world.Odoo.Records("base.automation").Select(r => world.Odoo.Find("ir.model", (long)r["model_id"]!)!["model"]);
        Assert.Equal(OdooSetupEndpoints.FollowedModels.Order(), ruleModels.Order());
        Assert.All(world.Odoo.Records("ir.actions.server"), a => Assert.Equal(world.WebhookUrl, a["webhook_url"]));
        Assert.Contains("/webhooks/odoo?token=***", applied.GetRawText());
        Assert.DoesNotContain(OdooWorld.WebhookSecret, applied.GetRawText() + second.GetRawText() + string.Join("\n", world.Service.Log.Lines));

        await world.Odoo.SetListPriceAsync(seed.TemplateIds[1], 23m);
        await Until.TrueAsync(() => Task.FromResult(world.Cartona["cartona"].Catalog.TryGet("2")?.SellingPrice == "23.0"), TimeSpan.FromSeconds(30), "price by webhook");
        Assert.Contains(world.Odoo.WebhookDeliveries, d => d.Model == "product.template" && d.RecordId == seed.TemplateIds[1] && d.Status == 202);
    }

    [Fact]
    public async Task On_odoo_16_the_check_says_webhooks_are_unsupported_apply_makes_nothing_and_the_poller_carries_the_change()
    {
        OdooSeed seed = null!;
        await using var world = await OdooWorld.StartAsync(o => { o.AddWarehouse("WH1", "Main"); seed = o.SeedCatalog(2, 10m, 5m); },
            OneConnection, 2, Addressed("00:00:01"), o => o.ServerVersion = "16.0", presetWebhooks: false);
        await world.LoadCatalogAsync(TimeSpan.FromSeconds(60));

        var check = await ReportAsync(await world.Service.Http.GetAsync("/api/erp/odoo-setup"));
        Assert.Equal(("16.0", false), (check.GetProperty("odooVersion").GetString(), check.GetProperty("webhooksSupported").GetBoolean()));
        Assert.All(check.GetProperty("rules").EnumerateArray(), r => Assert.Equal("unsupported", r.GetProperty("state").GetString()));
        Assert.Contains("poller", check.GetProperty("message").GetString());
        var apply = await ReportAsync(await world.Service.Http.PostAsync("/api/erp/odoo-setup", null));
        Assert.Equal(0, apply.GetProperty("changed").GetInt32());
        Assert.Empty(world.Odoo.Records("base.automation"));

        await world.Odoo.SetListPriceAsync(seed.TemplateIds[0], 17m);
        await Until.TrueAsync(() => Task.FromResult(world.Cartona["cartona"].Catalog.TryGet("1")?.SellingPrice == "17.0"), TimeSpan.FromSeconds(30), "price by the poller");
        Assert.Empty(world.Odoo.WebhookDeliveries);
    }

    [Fact]
    public async Task Without_a_public_address_the_setup_answers_409_and_with_odoo_not_answering_503_naming_no_secret()
    {
        await using var world = await OdooWorld.StartAsync(o => o.AddWarehouse("WH1", "Main"), OneConnection, 1,
            new() { ["CartonaActors:Odoo:Timeout"] = "00:00:01" }, presetWebhooks: false);
        var unaddressed = await world.Service.Http.GetAsync("/api/erp/odoo-setup");
        Assert.Equal(HttpStatusCode.Conflict, unaddressed.StatusCode);
        Assert.Contains("CartonaActors:Odoo:WebhookBaseUrl", (await unaddressed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        await using var addressed = await OdooWorld.StartAsync(o => o.AddWarehouse("WH1", "Main"), OneConnection, 1,
            new(Addressed("00:10:00")) { ["CartonaActors:Odoo:Timeout"] = "00:00:01" }, presetWebhooks: false);
        addressed.Odoo.Options.ResponseDelay = TimeSpan.FromSeconds(2); // past the 1 s timeout
        var hanging = await addressed.Service.Http.PostAsync("/api/erp/odoo-setup", null);
        addressed.Odoo.Options.ResponseDelay = TimeSpan.Zero;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, hanging.StatusCode);
        var error = (await hanging.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.Contains("timed out", error);
        Assert.DoesNotContain(OdooWorld.WebhookSecret, error);
        Assert.DoesNotContain(OdooWorld.ApiKey, error);
        Assert.Empty(addressed.Odoo.Records("base.automation"));
    }

    [Theory]
    [InlineData(null, null, "CartonaActors:Odoo:Url")]
    [InlineData("http://127.0.0.1:8069", "ftp://sync.example.com", "absolute http(s) address")]
    [InlineData("http://127.0.0.1:8069", "https://sync.example.com/?token=hook-secret-8c1d", "without query")]
    public void Without_odoo_or_with_an_unusable_public_address_the_setup_cannot_run(string? odooUrl, string? baseUrl, string reason)
    {
        var options = new CartonaActors.Engine.Configuration.CartonaActorsOptions();
        options.Odoo.Url = odooUrl ?? "";
        options.Odoo.WebhookBaseUrl = baseUrl;
        options.ErpSync.WebhookSecret = OdooWorld.WebhookSecret;
        using var client = new OdooSetupClient(options);
        Assert.Contains(reason, client.Unavailable);
        Assert.DoesNotContain(OdooWorld.WebhookSecret, client.Unavailable);
    }

    private static async Task<JsonElement> ReportAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
