using System.Net.Http.Json;
using System.Text.Json;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Service.Tests.Cli;

/// <summary>Each cartonactl command, run as its own process against a running service over real HTTP: the human
/// output answers the operator's question, --json gives the API's shape, and failures end with their exit codes.</summary>
public sealed class CartonactlSpecs(CartonactlWorld world) : IClassFixture<CartonactlWorld>
{
    private Cartonactl Cli => world.Cli;

    [Fact]
    public async Task Cluster_show_and_shards_show_list_the_node_and_its_regions()
    {
        var human = await Cli.RunAsync("cluster", "show");
        Assert.True(human.ExitCode == 0, human.ToString());
        Assert.Contains("│ Up ", human.Out);
        Assert.Contains("unreachable: none", human.Out);
        var json = (await Cli.RunAsync("cluster", "show", "--json")).Json;
        Assert.Equal("Up", Assert.Single(json.GetProperty("members").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(json.GetProperty("self").GetString(), json.GetProperty("leader").GetString());

        var shards = await Cli.RunAsync("shards", "show");
        Assert.True(shards.ExitCode == 0, shards.ToString());
        Assert.Contains("push-slice", shards.Out);
        var regions = (await Cli.RunAsync("shards", "show", "--json")).Json.EnumerateArray().ToList();
        var products = Assert.Single(regions, r => r.GetProperty("region").GetString() == "product");
        Assert.True(products.GetProperty("nodes").EnumerateArray().Sum(n => n.GetProperty("entities").GetInt32()) >= 1);
    }

    [Fact]
    public async Task Product_show_says_why_cartona_shows_the_price_it_shows_and_why_a_product_was_refused()
    {
        var shown = await Cli.RunAsync("product", "show", "1");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("ERP price 10", shown.Out);
        Assert.Contains("cartona shows price=10", shown.Out);
        Assert.Contains("that is the latest the ERP asked for", shown.Out);
        var json = (await Cli.RunAsync("product", "show", "1", "--json")).Json;
        var push = json.GetProperty("product").GetProperty("pushes").GetProperty("cartona");
        Assert.Equal(10m, push.GetProperty("confirmed").GetProperty("price").GetDecimal());
        Assert.Equal(push.GetProperty("wantedVersion").GetInt64(), push.GetProperty("confirmedVersion").GetInt64());

        var refused = await Cli.RunAsync("product", "show", "4");
        Assert.True(refused.ExitCode == 0, refused.ToString());
        Assert.Contains("cartona has confirmed nothing for it yet; the marketplace refused version", refused.Out);
        Assert.Contains("product not found", refused.Out);

        var unknown = await Cli.RunAsync("product", "show", "no-such-product");
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Contains("product no-such-product is not known", unknown.Error);
    }

    [Fact]
    public async Task Product_push_sends_a_confirmed_product_again()
    {
        var before = world.Cartona.Calls.Count(c => c.Path.Contains("bulk-update"));
        var run = await Cli.RunAsync("product", "push", "1", "--connection", "cartona");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("1: sent again to cartona", run.Out);
        await Until.TrueAsync(() => Task.FromResult(world.Cartona.Calls.Count(c => c.Path.Contains("bulk-update")) > before), TimeSpan.FromSeconds(15), "the re-push reached Cartona");
        await Until.TrueAsync(async () => !(await world.ProductAsync("1")).GetProperty("pushes").GetProperty("cartona").GetProperty("pending").GetBoolean(),
            TimeSpan.FromSeconds(15), "the re-push confirmed");
    }

    [Fact]
    public async Task Order_show_says_why_an_order_was_not_imported_and_orders_retry_tries_it_again()
    {
        var order = world.Cartona.Orders.Place(new CartonaOrderSpec
        {
            Retailer = new CartonaOrderRetailer("Shop C1", "C1", "+20100001"),
            Details = [new CartonaOrderLineSpec("9", 2, 9.5m)], // no Odoo variant 9
            DeliveredBy = CartonaOrderStatus.DeliveredBySupplier,
        });
        var pull = await Cli.RunAsync("connection", "pull", "cartona");
        Assert.True(pull.ExitCode == 0, pull.ToString());
        CliRun shown = null!;
        await Until.TrueAsync(async () => (shown = await Cli.RunAsync("order", "show", $"cartona/{order.HashedId}")).ExitCode == ExitCodes.Failed,
            TimeSpan.FromSeconds(30), "order held").ContinueWith(t => t.IsFaulted ? throw new Xunit.Sdk.XunitException(shown?.ToString()) : t).Unwrap();
        Assert.Contains("why not imported: held", shown.Out);
        Assert.Contains("variant_not_found", shown.Out);
        Assert.Contains("version received", shown.Out);   // the history, step by step
        Assert.Contains("import held", shown.Out);
        var json = (await Cli.RunAsync("order", "show", $"cartona/{order.HashedId}", "--json")).Json;
        Assert.Contains("variant_not_found", json.GetProperty("order").GetProperty("held").GetString());
        Assert.Contains(json.GetProperty("history").GetProperty("steps").EnumerateArray(), s => s.GetProperty("outcome").GetString() == "held");

        // The held list reads the sync log, a projection that follows the journal a moment behind.
        CliRun held = null!;
        await Until.TrueAsync(async () => (held = await Cli.RunAsync("orders", "held", "--json")).ExitCode == 0
            && held.Json.EnumerateArray().Any(o => o.GetProperty("orderId").GetString() == $"cartona/{order.HashedId}"), TimeSpan.FromSeconds(30), "the order listed as held");
        Assert.Contains("variant_not_found", (await Cli.RunAsync("orders", "held")).Out);
        var retry = await Cli.RunAsync("orders", "retry", $"cartona/{order.HashedId}");
        Assert.True(retry.ExitCode == 0, retry.ToString());
        Assert.Contains("asked to try again", retry.Out);

        var never = await Cli.RunAsync("order", "show", "cartona/NEVERPULLED");
        Assert.Equal(ExitCodes.NotFound, never.ExitCode);
        Assert.Contains("why not imported: order cartona/NEVERPULLED has not been pulled", never.Out);
        Assert.Contains("cartona: last pull 20", never.Out);   // when the connection last pulled, so the operator sees it does
    }

    [Fact]
    public async Task Connection_list_show_test_pause_and_resume()
    {
        var list = await Cli.RunAsync("connection", "list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(new[] { "broken", "cartona" }, list.Json.EnumerateArray().Select(s => s.GetProperty("connectionId").GetString()!).Order().ToArray());

        var ok = await Cli.RunAsync("connection", "test", "cartona");
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Contains("cartona (cartona): ok", ok.Out);
        var wrong = await Cli.RunAsync("connection", "test", "broken");
        Assert.Equal(ExitCodes.Failed, wrong.ExitCode);
        Assert.Contains("broken (cartona): FAILED", wrong.Out);

        var show = await Cli.RunAsync("connection", "show", "cartona");
        Assert.True(show.ExitCode == 0, show.ToString());
        foreach (var line in new[] { "pacing budget", "backoff", "buffer", "error rate", "orders", "read-back" }) Assert.Contains(line, show.Out);

        var paused = await Cli.RunAsync("connection", "pause", "cartona", "--reason", "price review", "--json");
        Assert.True(paused.ExitCode == 0, paused.ToString());
        Assert.Equal("price review", paused.Json.GetProperty("ledger").GetProperty("paused").GetProperty("reason").GetString());
        var before = world.Cartona.Calls.Count(c => c.Path.Contains("bulk-update"));
        await world.World.Odoo.SetListPriceAsync(world.Seed.TemplateIds[1], 11m);
        await Until.TrueAsync(async () => (await world.ProductAsync("2")).GetProperty("pushes").GetProperty("cartona").GetProperty("pending").GetBoolean(),
            TimeSpan.FromSeconds(30), "the new price waits");
        Assert.Contains("waits: the connection is paused", (await Cli.RunAsync("product", "show", "2")).Out);
        Assert.Equal(before, world.Cartona.Calls.Count(c => c.Path.Contains("bulk-update")));

        var resumed = await Cli.RunAsync("connection", "resume", "cartona", "--json");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.True(!resumed.Json.GetProperty("ledger").TryGetProperty("paused", out var p) || p.ValueKind == JsonValueKind.Null, resumed.Out);
        await Until.TrueAsync(async () => (await Cli.RunAsync("product", "show", "2")).Out.Contains("cartona shows price=11"), TimeSpan.FromSeconds(30), "the price sent after resume");

        var unknown = await Cli.RunAsync("connection", "show", "nowhere");
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Contains("connection 'nowhere' is not configured", unknown.Error);
    }

    [Fact]
    public async Task Log_tail_shows_the_refusal_filters_and_follows_new_rows()
    {
        CliRun tail = null!;
        await Until.TrueAsync(async () => (tail = await Cli.RunAsync("log", "tail", "--connection", "cartona", "--json")).JsonLines
            .Any(r => r.GetProperty("productId").GetString() == "4"), TimeSpan.FromSeconds(30), "the refusal in the sync log");
        Assert.True(tail.ExitCode == 0, tail.ToString());
        Assert.Contains(tail.JsonLines, r => r.GetProperty("productId").GetString() == "4" && r.GetProperty("connection").GetString() == "cartona");
        Assert.All(tail.JsonLines, r => Assert.Equal("cartona", r.GetProperty("connection").GetString()));
        var human = await Cli.RunAsync("log", "tail", "--product", "4");
        Assert.Contains("product not found", human.Out);
        var onlyFour = await Cli.RunAsync("log", "tail", "--product", "4", "--json");
        Assert.NotEmpty(onlyFour.JsonLines);
        Assert.All(onlyFour.JsonLines, r => Assert.Equal("4", r.GetProperty("productId").GetString()));

        using var follow = Cli.Follow("log", "tail", "--follow", "--product", "4", "--json");
        await Until.TrueAsync(() => Task.FromResult(follow.Lines.Length > 0), TimeSpan.FromSeconds(20), "the first rows");
        var seen = follow.Lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(0, (await Cli.RunAsync("product", "push", "4")).ExitCode);   // refused again: a new row
        await Until.TrueAsync(() => Task.FromResult(follow.Lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > seen), TimeSpan.FromSeconds(30), "a new row while following");
    }

    [Fact]
    public async Task Sync_all_reports_progress_until_every_product_is_confirmed()
    {
        var run = await Cli.RunAsync("sync", "all", "--connection", "cartona");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("sync all cartona: 4 products to send again", run.Out);
        Assert.Contains("sync all cartona: 4/4 confirmed (100%)", run.Out);
        Assert.EndsWith("sync all: every product confirmed", run.Out.TrimEnd());
        var json = await Cli.RunAsync("sync", "all", "--connection", "cartona", "--json");
        var last = json.JsonLines[^1];
        Assert.Equal(0, last.GetProperty("remaining").GetInt32());
        Assert.Equal(4, last.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Odoo_setup_checks_then_creates_the_webhook_rules_once()
    {
        var check = await Cli.RunAsync("odoo", "setup", "--check");
        Assert.Contains("Odoo 18", check.Out);
        Assert.Contains("webhooks supported", check.Out);
        var apply = await Cli.RunAsync("odoo", "setup", "--apply", "--json");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.All(apply.Json.GetProperty("rules").EnumerateArray(), r => Assert.Contains(r.GetProperty("state").GetString(), new[] { "ok", "created", "updated" }));
        var again = await Cli.RunAsync("odoo", "setup", "--apply");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("0 rules changed", again.Out);
        Assert.DoesNotContain(OdooWorld.WebhookSecret, check.Out + apply.Out + again.Out);
        var checkedAgain = await Cli.RunAsync("odoo", "setup", "--check", "--json");
        Assert.Equal(0, checkedAgain.ExitCode);
        Assert.All(checkedAgain.Json.GetProperty("rules").EnumerateArray(), r => Assert.Equal("ok", r.GetProperty("state").GetString()));
        Assert.Equal(ExitCodes.Usage, (await Cli.RunAsync("odoo", "setup", "--check", "--apply")).ExitCode);
    }

    [Fact]
    public async Task An_unreachable_service_a_missing_or_wrong_token_and_a_wrong_command_line_end_with_their_exit_codes()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var unreachable = await Cli.RunAsync("cluster", "show", "--url", $"http://127.0.0.1:{port}");
        Assert.Equal(ExitCodes.Unreachable, unreachable.ExitCode);
        Assert.Contains($"cannot reach the service at http://127.0.0.1:{port}/", unreachable.Error);

        var none = await Cli.RunAsync(["connection", "list"], withToken: null);
        Assert.Equal(ExitCodes.Unauthorized, none.ExitCode);
        Assert.Contains("the service refused the admin token", none.Error);
        var wrong = await Cli.RunAsync(["connection", "list"], withToken: "guessed-token");
        Assert.Equal(ExitCodes.Unauthorized, wrong.ExitCode);
        Assert.DoesNotContain("guessed-token", wrong.Error + wrong.Out);
        Assert.DoesNotContain(CartonactlWorld.AdminToken, wrong.Error + wrong.Out);

        var usage = await Cli.RunAsync("connection", "frobnicate");
        Assert.Equal(ExitCodes.Usage, usage.ExitCode);
        var badOrder = await Cli.RunAsync("order", "show", "no-slash");
        Assert.Equal(ExitCodes.Usage, badOrder.ExitCode);
        Assert.Contains("is not <connection>/<order id>", badOrder.Error);
    }
}

/// <summary>The exit codes cartonactl documents (kept here so a change to them breaks these specs).</summary>
file static class ExitCodes
{
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
    public const int Unauthorized = 4;
    public const int NotFound = 5;
}
