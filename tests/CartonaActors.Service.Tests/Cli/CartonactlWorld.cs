using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CartonaActors.Sandbox.Cartona;
using CartonaActors.Testing;

namespace CartonaActors.Service.Tests.Cli;

/// <summary>
/// One running service for the CLI specs: Odoo (4 variants) and Cartona (which knows only 3 of them, so variant 4
/// is refused) emulators, a second connection "broken" whose token Cartona does not take, and an admin token.
/// </summary>
public sealed class CartonactlWorld : IAsyncLifetime
{
    public const string AdminToken = "cli-admin-token-7e4b9a12";
    private const string BrokenToken = "not-a-cartona-token-3f8e";

    public OdooWorld World { get; private set; } = null!;
    public CartonaActors.Sandbox.Odoo.OdooSeed Seed { get; private set; } = null!;
    public Cartonactl Cli { get; private set; } = null!;
    public CartonaEmulator Cartona => World.Cartona["cartona"];

    /// <summary>The marketplace behind "broken": a real Cartona emulator that takes only another token.</summary>
    private CartonaEmulator _brokenCartona = null!;

    private static readonly string Address = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";

    public async Task InitializeAsync()
    {
        _brokenCartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Tokens = new HashSet<string> { "the-right-token" } });
        World = await OdooWorld.StartAsync(o =>
        {
            o.AddWarehouse("WH1", "Main");
            Seed = o.SeedCatalog(4, 10m, 100m);
        }, new Dictionary<string, string[]> { ["cartona"] = ["WH1"] }, 3, new Dictionary<string, string?>
        {
            ["CartonaActors:Admin:Token"] = AdminToken,
            // A port picked beforehand, so that the webhook rules odoo setup writes can name the service's address.
            ["urls"] = Address,
            ["CartonaActors:Odoo:WebhookBaseUrl"] = Address,
            ["CartonaActors:Orders:HeldRecheck"] = "00:00:00.5",
            ["CartonaActors:Connections:1:Name"] = "broken",
            ["CartonaActors:Connections:1:Platform"] = "cartona",
            ["CartonaActors:Connections:1:BaseUrl"] = _brokenCartona.BaseUrl,
            ["CartonaActors:Connections:1:Token"] = BrokenToken,
            ["CartonaActors:Connections:1:PullOrders"] = "false",
        });
        World.Service.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        Cli = new Cartonactl(World.Service.Http.BaseAddress!, AdminToken);
        await World.LoadCatalogAsync(TimeSpan.FromMinutes(1));
        await Until.TrueAsync(async () => Confirmed(await ProductAsync("1")) && Refused(await ProductAsync("4")), TimeSpan.FromSeconds(30), "product 1 confirmed and 4 refused on cartona");
    }

    public async Task<JsonElement> ProductAsync(string id) => await World.Service.Http.GetFromJsonAsync<JsonElement>($"/api/products/{id}");

    private static bool Confirmed(JsonElement p) => p.GetProperty("pushes").GetProperty("cartona").GetProperty("confirmedVersion").GetInt64() > 0;

    private static bool Refused(JsonElement p) => p.GetProperty("pushes").GetProperty("cartona").GetProperty("refusal").ValueKind == JsonValueKind.String;

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        await _brokenCartona.DisposeAsync();
    }
}
