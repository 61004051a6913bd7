using System.Net;
using System.Text;
using System.Text.Json;
using CartonaActors.Sandbox.Cartona;
using Xunit.Abstractions;

namespace CartonaActors.Service.Tests;

/// <summary>
/// The sync log end to end, as an operator reads it over the admin API: a scripted run through the real service
/// (a catalog load from the Odoo emulator to the Cartona emulator with one product Cartona does not know, an order
/// imported as a sale order, a refused webhook) leaves exactly its rows, and a restart on the same journal writes
/// none of them again.
/// </summary>
public sealed class SyncLogRunSpecs(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string[]> OneConnection = new() { ["cartona"] = ["WH1"] };

    [Fact]
    public async Task A_scripted_run_leaves_exactly_its_rows_and_a_restart_duplicates_none()
    {
        var journal = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("cartona-synclog-run-").FullName, "journal.db")}";
        var settings = new Dictionary<string, string?> { ["CartonaActors:Persistence:ConnectionString"] = journal };
        // Three variants in Odoo, two of them on Cartona: the third one's push is refused as not found.
        await using var world = await OdooWorld.StartAsync(o => { o.AddWarehouse("WH1", "Main"); o.SeedCatalog(3, 10m, 100m); },
            OneConnection, cartonaProducts: 2, settings);
        var http = world.Service.Http;

        await world.LoadCatalogAsync(TimeSpan.FromSeconds(60));
        // The load's pushes settle before the order, so the hold's change is a push of its own.
        await ErpWithCartona.UntilAsync(() => Shows(world, "1", 100) && Shows(world, "2", 100), "the catalog on Cartona");
        await SyncLogApi.UntilRowAsync(http, r => r.Text("kind") == "push_refused", "the unknown product's refusal");
        var order = world.Cartona["cartona"].Orders.Place(new CartonaOrderSpec
        {
            Retailer = new CartonaOrderRetailer("Shop R1", "R1", "+2010000R1"),
            Details = [new CartonaOrderLineSpec("1", 2, 9.5m)],
        });
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/connections/cartona/pull-orders", null)).StatusCode);
        var malformed = await http.PostAsync($"/webhooks/odoo?token={OdooWorld.WebhookSecret}",
            new StringContent("{\"_model\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var orderId = "cartona/" + order.HashedId;
        await SyncLogApi.UntilRowAsync(http, r => r.Text("kind") == "order_acknowledged" && r.Text("orderId") == orderId, "the order's acknowledgement");
        await SyncLogApi.UntilRowAsync(http, r => r.Text("kind") == "input_refused", "the refused webhook");
        // The order holds 2 of product 1 until Odoo reserves them: Cartona is told 98.
        await ErpWithCartona.UntilAsync(() => Shows(world, "1", 98), "the held quantity on Cartona");
        await Until.TrueAsync(async () => Confirmed(await SyncLogApi.RowsAsync(http, "?limit=1000")).Count == 3, TimeSpan.FromSeconds(30),
            "three confirmations in the sync log");
        var first = await SyncLogApi.RowsAsync(http, "?limit=1000");
        foreach (var row in first) output.WriteLine(Describe(row));

        // The products: 1 and 2 confirmed, 1 again after the hold; 3 refused once, as Cartona answered.
        Assert.Equal(["1", "1", "2"], Confirmed(first).Order());
        var refused = Assert.Single(first, r => r.Text("kind") == "push_refused");
        Assert.Equal(("cartona", "3", "warning"), (refused.Text("connection"), refused.Text("productId"), refused.Text("level")));
        Assert.Contains("product not found", refused.Text("message"));
        // Every item sent is counted once in the bulk calls that carried it: three in the load, one after the hold.
        var delivered = first.Where(r => r.Text("kind") == "push_delivered").Select(r => Numbers(r.Text("message")!)).ToList();
        Assert.Equal((4, 1), (delivered.Sum(d => d[0]), delivered.Sum(d => d[1])));
        // The order: received, its quantity held, imported as one sale order, its status written to Odoo, acknowledged.
        Assert.Equal(["order_received", "quantity_held", "order_imported", "status_to_erp", "order_acknowledged"],
            first.Where(r => r.Text("orderId") == orderId).Select(r => r.Text("kind")!).Reverse());
        Assert.Equal("1", Assert.Single(first, r => r.Text("kind") == "quantity_held").Text("productId"));
        Assert.Equal("1 orders pulled, 0 unreadable", Assert.Single(first, r => r.Text("kind") == "orders_pulled").Text("message"));
        Assert.Contains("malformed JSON body", Assert.Single(first, r => r.Text("kind") == "input_refused").Text("message"));
        // And nothing else: no error, no kind the run did not cause.
        Assert.Equal(new[] { "input_refused", "order_acknowledged", "order_imported", "order_received", "orders_pulled", "push_confirmed",
            "push_delivered", "push_refused", "quantity_held", "status_to_erp" }, first.Select(r => r.Text("kind")!).Distinct().Order());
        Assert.DoesNotContain(first, r => r.Text("level") == "error");

        await world.RestartServiceAsync();
        var unauthorized = await world.Service.Http.PostAsync("/webhooks/odoo?token=wrong",
            new StringContent("{\"_model\":\"product.product\",\"_id\":1}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        await SyncLogApi.UntilRowAsync(world.Service.Http, r => r.Text("message")!.Contains("wrong webhook token"), "the refusal after the restart");
        var after = await SyncLogApi.RowsAsync(world.Service.Http, "?limit=1000");
        // The first run's rows are there once each, unchanged (same ids, same text); the one new row is the refusal.
        Assert.Equal(first.Select(Describe), after.Where(r => !r.Text("message")!.Contains("wrong webhook token")).Select(Describe));
        Assert.Single(after, r => r.Text("message")!.Contains("wrong webhook token"));
        Assert.Single(world.Odoo.SaleOrders(), s => s.ClientOrderRef == orderId);
    }

    private static bool Shows(OdooWorld world, string productId, int qty) =>
        world.Cartona["cartona"].Catalog.TryGet(productId) is { AvailableStockQuantity: var shown } && shown == qty;

    /// <summary>The products named by the confirmation rows ("N products confirmed: a, b"), one entry per product.</summary>
    private static List<string> Confirmed(IReadOnlyList<JsonElement> rows) =>
        rows.Where(r => r.Text("kind") == "push_confirmed")
            .SelectMany(r => r.Text("message")!.Split(": ", 2)[1].Split(", ")).ToList();

    /// <summary>The numbers in "bulk call of N items delivered, M refused".</summary>
    private static int[] Numbers(string message) =>
        message.Split(' ', ',').Where(w => w.Length > 0 && w.All(char.IsDigit)).Select(int.Parse).ToArray();

    private static string Describe(JsonElement row) =>
        $"{row.GetProperty("id").GetInt64()} {row.Text("at")} {row.Text("level")} {row.Text("kind")} {row.Text("connection")} {row.Text("productId")} {row.Text("orderId")} {row.Text("outcome")}: {row.Text("message")}";
}
