using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CartonaActors.Sandbox.Ebay;
using CartonaActors.Sandbox.Tests.Rest;

namespace CartonaActors.Sandbox.Tests.Ebay;

/// <summary>A running eBay emulator on a manual clock, one refresh token, two listings, an access token, and a plain
/// HttpClient speaking eBay's wire.</summary>
internal sealed class EbayScope : IAsyncDisposable
{
    public const string RefreshToken = "v^1.1#i^1#f^0#r^1#I^3#p^3#t^refresh-test";

    /// <summary>15:30 Pacific on 1 Dec 2026 (23:30 UTC): UTC midnight comes 30 minutes before Pacific midnight.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 23, 30, 0, TimeSpan.Zero);

    private EbayScope(EbayEmulator emulator, ManualClock clock)
    {
        Emulator = emulator;
        Clock = clock;
        Http = new HttpClient();
        RiceOffer = emulator.Catalog.AddItem("RICE-1", 19.99m, 10);
        OilOffer = emulator.Catalog.AddItem("OIL-1", 5.50m, 40);
        Token = emulator.IssueAccessToken().AccessToken;
    }

    public EbayEmulator Emulator { get; }
    public ManualClock Clock { get; }
    public HttpClient Http { get; }
    public string RiceOffer { get; }
    public string OilOffer { get; }
    public string Token { get; set; }

    public static async Task<EbayScope> StartAsync(Action<EbayEmulatorOptions>? configure = null)
    {
        var clock = new ManualClock(Start);
        var options = new EbayEmulatorOptions { Clock = clock, RefreshTokens = new HashSet<string> { RefreshToken } };
        configure?.Invoke(options);
        return new EbayScope(await EbayEmulator.StartAsync(options), clock);
    }

    /// <summary>Sends to a path relative to BaseUrl with "Bearer" (Sell APIs) or "IAF" (Post-Order) and the scope's token.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseHeaders Headers)> SendAsync(HttpMethod method, string path,
        object? body = null, string scheme = "Bearer", string? token = null, bool rawUri = false)
    {
        var uri = rawUri
            ? new Uri(Emulator.BaseUrl + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true })
            : new Uri(Emulator.BaseUrl + path);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token ?? Token}");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return (response.StatusCode, doc.RootElement.Clone(), response.Headers);
    }

    public Task<(HttpStatusCode Status, JsonElement Body, HttpResponseHeaders Headers)> BulkAsync(params object[] requests) =>
        SendAsync(HttpMethod.Post, "sell/inventory/v1/bulk_update_price_quantity", new { requests });

    public static object Entry(string sku, string offerId, int quantity, string price, string currency = "USD") => new
    {
        sku,
        shipToLocationAvailability = new { quantity },
        offers = new[] { new { offerId, availableQuantity = quantity, price = new { value = price, currency } } },
    };

    public async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refresh = RefreshToken, string secret = "emu-cert-id",
        string grant = "refresh_token")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Emulator.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = grant, ["refresh_token"] = refresh, ["scope"] = "https://api.ebay.com/oauth/api_scope/sell.inventory",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("emu-app-id:" + secret)));
        using var response = await Http.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, doc.RootElement.Clone());
    }

    public string PlaceOrder(params EbayOrderLine[] lines) => Emulator.Orders.Place(
        new EbayBuyer("mona_adel", "Mona Adel", "mona@example.com", "+201000000000"),
        new EbayAddress("Mona Adel", "1 Nile St", "Cairo", "EG"),
        lines.Length == 0 ? [new EbayOrderLine("RICE-1", 2, 19.99m)] : lines);

    /// <summary>Waits for a condition the server brings about; fails after 5 s.</summary>
    public static Task EventuallyAsync(Func<bool> condition) => Eventually.TrueAsync(condition);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

internal static class EbayJson
{
    public static int FirstErrorId(this JsonElement body) => body.GetProperty("errors")[0].GetProperty("errorId").GetInt32();

    public static IEnumerable<string> OrderIds(this JsonElement page) =>
        page.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!);
}
