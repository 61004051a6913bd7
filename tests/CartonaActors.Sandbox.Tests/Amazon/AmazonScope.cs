using System.Net;
using System.Text;
using System.Text.Json;
using CartonaActors.Sandbox.Amazon;

namespace CartonaActors.Sandbox.Tests.Amazon;

/// <summary>A running Amazon emulator with generous limits and fast feeds, one authorised refresh token, two listings, and
/// a plain HttpClient speaking SP-API (LWA token fetched on first use).</summary>
internal sealed class AmazonScope : IAsyncDisposable
{
    public const string Refresh = "Atzr|emu-refresh";
    private string? _token;

    private AmazonScope(AmazonEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient();
        emulator.Catalog.AddListing("SKU-1", 10m, 5);
        emulator.Catalog.AddListing("SKU-2", 20m, 7);
    }

    public AmazonEmulator Emulator { get; }
    public HttpClient Http { get; }
    public string Seller => Emulator.Options.SellerId;
    public string Marketplace => Emulator.Options.MarketplaceId;

    public static async Task<AmazonScope> StartAsync(Action<AmazonEmulatorOptions>? configure = null)
    {
        var options = new AmazonEmulatorOptions { RefreshTokens = new HashSet<string> { Refresh }, FeedStepDelay = TimeSpan.FromMilliseconds(100) };
        foreach (var op in options.OperationLimits.Keys.ToList()) options.OperationLimits[op] = (1000, 1000);
        configure?.Invoke(options);
        return new AmazonScope(await AmazonEmulator.StartAsync(options));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(string refresh = Refresh, string? secret = null)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refresh,
            ["client_id"] = Emulator.Options.ClientId, ["client_secret"] = secret ?? Emulator.Options.ClientSecret,
        });
        using var response = await Http.PostAsync(Emulator.TokenUrl, content);
        return (response.StatusCode, Parse(await response.Content.ReadAsStringAsync()));
    }

    public async Task<string> AccessTokenAsync(bool fresh = false)
    {
        if (_token is null || fresh)
        {
            var (status, body) = await TokenAsync();
            Assert.Equal(HttpStatusCode.OK, status);
            _token = body.GetProperty("access_token").GetString();
        }
        return _token!;
    }

    /// <summary>An SP-API call with the scope's access token (or the one given); the raw response for header checks.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string pathAndQuery, object? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, Emulator.BaseUrl + pathAndQuery);
        if (body is not null)
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        request.Headers.Add("x-amz-access-token", token ?? await AccessTokenAsync());
        return await Http.SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string pathAndQuery, object? body = null, string? token = null)
    {
        using var response = await SendRawAsync(method, pathAndQuery, body, token);
        return (response.StatusCode, Parse(await response.Content.ReadAsStringAsync()));
    }

    public async Task<JsonElement> OkAsync(HttpMethod method, string pathAndQuery, object? body = null)
    {
        var (status, json) = await SendAsync(method, pathAndQuery, body);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.Created, $"{status}: {json}");
        return json;
    }

    public string ListingPath(string sku) => $"listings/2021-08-01/items/{Seller}/{Uri.EscapeDataString(sku)}?marketplaceIds={Marketplace}";

    public object[] Patches(int quantity, decimal? price = null)
    {
        var patches = new List<object>
        {
            new { op = "merge", path = "/attributes/fulfillment_availability", value = new[] { new { fulfillment_channel_code = "DEFAULT", quantity } } },
        };
        if (price is { } p)
            patches.Add(new
            {
                op = "replace", path = "/attributes/purchasable_offer",
                value = new[] { new { marketplace_id = Marketplace, currency = "USD", our_price = new[] { new { schedule = new[] { new { value_with_tax = p } } } } } },
            });
        return patches.ToArray();
    }

    /// <summary>createFeedDocument, upload, createFeed; the feedId (asserts 202).</summary>
    public async Task<string> SubmitFeedAsync(string feedType, string document, string contentType = "application/json; charset=UTF-8")
    {
        var (status, body) = await TrySubmitFeedAsync(feedType, document, contentType);
        Assert.Equal(HttpStatusCode.Accepted, status);
        return body.GetProperty("feedId").GetString()!;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> TrySubmitFeedAsync(string feedType, string document, string contentType)
    {
        var created = await OkAsync(HttpMethod.Post, "feeds/2021-06-30/documents", new { contentType });
        using (var upload = new StringContent(document, Encoding.UTF8))
        using (var put = await Http.PutAsync(created.GetProperty("url").GetString(), upload))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return await SendAsync(HttpMethod.Post, "feeds/2021-06-30/feeds",
            new { feedType, marketplaceIds = new[] { Marketplace }, inputFeedDocumentId = created.GetProperty("feedDocumentId").GetString() });
    }

    public string ListingsFeed(params (string Sku, int Quantity)[] messages) => JsonSerializer.Serialize(new
    {
        header = new { sellerId = Seller, version = "2.0", issueLocale = "en_US" },
        messages = messages.Select((m, i) => new
        {
            messageId = i + 1, sku = m.Sku, operationType = "PATCH", productType = "PRODUCT", patches = Patches(m.Quantity),
        }),
    });

    public Task<JsonElement> FeedAsync(string feedId) => OkAsync(HttpMethod.Get, "feeds/2021-06-30/feeds/" + feedId);

    /// <summary>Waits until the feed is DONE or FATAL, then downloads its processing report.</summary>
    public async Task<(JsonElement Feed, string Report)> FinishedFeedAsync(string feedId)
    {
        await Eventually.TrueAsync(() => Emulator.Feeds.Any(f => f.FeedId == feedId && f.Status is "DONE" or "FATAL"));
        var feed = await FeedAsync(feedId);
        var document = await OkAsync(HttpMethod.Get, "feeds/2021-06-30/documents/" + feed.GetProperty("resultFeedDocumentId").GetString());
        var report = await Http.GetStringAsync(document.GetProperty("url").GetString());
        return (feed, report);
    }

    public string PlaceOrder(params AmazonOrderLine[] lines) => Emulator.Orders.Place(new AmazonBuyer("Mona Adel", "mona@marketplace.amazon.com"),
        new AmazonAddress("Mona Adel", "1 Main St", "Seattle", "US", "555-0100"), lines.Length > 0 ? lines : [new AmazonOrderLine("SKU-1", 2, 10m)]);

    public static JsonElement Parse(string text)
    {
        if (text.Length == 0) return default;
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

internal static class AmazonJson
{
    public static string ErrorCode(this JsonElement body) => body.GetProperty("errors")[0].GetProperty("code").GetString()!;

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
