using System.Security.Cryptography;
using System.Text;
using CartonaActors.Domain.Listings;
using CartonaActors.Domain.Orders;
using CartonaActors.Marketplaces;
using CartonaActors.Marketplaces.Shopify;

namespace CartonaActors.Marketplaces.Tests.Shopify;

public class ShopifyPlatformTests
{
    private const string Secret = "shpss_client_secret";

    private static ConnectionSettings Settings(Action<ConnectionSettings>? change = null)
    {
        var s = new ConnectionSettings
        {
            Name = "shop", Platform = "shopify", BaseUrl = "https://demo.myshopify.com/", Token = "shpat_token",
            ListingSource = ListingSource.Sku, LocationByWarehouse = new() { ["WH"] = "gid://shopify/Location/1" },
            Settings = new(StringComparer.OrdinalIgnoreCase) { ["ClientSecret"] = Secret },
        };
        change?.Invoke(s);
        return s;
    }

    private static string Sign(string body, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static WebhookVerdict Deliver(IMarketplaceWebhooks hooks, string body, string? signature, string id = "w-1", string topic = "orders/create") =>
        hooks.Check(name => name switch
        {
            "X-Shopify-Hmac-SHA256" => signature,
            "X-Shopify-Webhook-Id" => id,
            "X-Shopify-Topic" => topic,
            _ => null,
        }, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_connection_opens_with_the_cost_bucket_its_settings_name_and_stock_per_location()
    {
        var c = new ShopifyPlatform().Open(Settings(s => s.Settings["RestoreRate"] = "200"));
        var bucket = Assert.IsType<PacingModel.CostBucket>(c.Limits.Pacing);
        Assert.Equal(200, bucket.PointsPerSecond);
        Assert.Equal(250, c.Limits.MaxBatchSize);
        Assert.True(c.Scope.SellsPerLocation);
        Assert.Equal(OrderSourceKind.UpdatedSinceCursor, c.OrderSource);
        Assert.Equal("sku", c.Listings.Kind);
        Assert.NotNull(c.Webhooks);
    }

    [Theory]
    [InlineData("ListingSource", "VariantId is not supported")]
    [InlineData("Locations", "LocationByWarehouse must map each warehouse")]
    [InlineData("ApiVersion", "Settings:ApiVersion 'latest' must be a Shopify API version")]
    [InlineData("Refresh", "Settings:TokenFile is needed")]
    [InlineData("CancelReason", "Settings:CancelReason 'NOPE'")]
    public void A_misconfigured_connection_is_refused_naming_the_setting_and_never_a_secret(string what, string expected)
    {
        var settings = Settings(s =>
        {
            switch (what)
            {
                case "ListingSource": s.ListingSource = ListingSource.VariantId; break;
                case "Locations": s.LocationByWarehouse.Clear(); break;
                case "ApiVersion": s.Settings["ApiVersion"] = "latest"; break;
                case "Refresh": s.Settings["RefreshToken"] = "shprt_refresh"; s.Settings["ClientId"] = "id"; break;
                case "CancelReason": s.Settings["CancelReason"] = "NOPE"; break;
            }
        });
        var ex = Assert.Throws<ArgumentException>(() => new ShopifyPlatform().Open(settings));
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("shpat_token", ex.Message);
        Assert.DoesNotContain(Secret, ex.Message);
        Assert.DoesNotContain("shprt_refresh", ex.Message);
    }

    [Fact]
    public void A_webhook_signed_with_the_client_secret_is_taken_once_and_a_forged_one_is_refused()
    {
        var hooks = new ShopifyPlatform().Open(Settings()).Webhooks!;
        const string body = """{"id":820982911946154508,"updated_at":"2026-12-03T10:00:00Z"}""";

        Assert.IsType<WebhookVerdict.OrdersChanged>(Deliver(hooks, body, Sign(body, Secret)));
        // Shopify retries a delivery under the same webhook id.
        Assert.Equal("w-1", Assert.IsType<WebhookVerdict.Duplicate>(Deliver(hooks, body, Sign(body, Secret))).DeliveryId);
        Assert.IsType<WebhookVerdict.Forged>(Deliver(hooks, body, Sign(body, "another secret"), id: "w-2"));
        Assert.IsType<WebhookVerdict.Forged>(Deliver(hooks, body + " ", Sign(body, Secret), id: "w-3"));
        Assert.IsType<WebhookVerdict.Forged>(Deliver(hooks, body, null, id: "w-4"));
        Assert.IsType<WebhookVerdict.Forged>(Deliver(hooks, body, "not base64!", id: "w-5"));
        // A forged delivery does not use up its id: the genuine one with that id still counts.
        Assert.IsType<WebhookVerdict.OrdersChanged>(Deliver(hooks, body, Sign(body, Secret), id: "w-2"));
        Assert.IsType<WebhookVerdict.Ignored>(Deliver(hooks, body, Sign(body, Secret), id: "w-6", topic: "products/update"));
    }

    [Fact]
    public void A_connection_without_a_client_secret_takes_no_webhooks()
    {
        Assert.Null(new ShopifyPlatform().Open(Settings(s => s.Settings.Clear())).Webhooks);
    }

    [Theory]
    [InlineData("open", "fulfilled", "fulfilled")]
    [InlineData("open", "cancelled", "cancelled")]
    [InlineData("fulfilled", "cancelled", null)]
    [InlineData("cancelled", "fulfilled", null)]
    public void The_status_model_allows_a_seller_to_fulfil_or_cancel_an_open_order_only(string from, string to, string? next)
    {
        var model = ShopifyStatusModel.Instance;
        Assert.Equal(next, model.NextStatusToward(from, to));
        Assert.Equal(OrderStage.Confirmed, model.StageOf("open"));
        Assert.Equal("fulfilled", model.StatusFor(OrderStage.Delivered));
        Assert.Equal("fulfilled", model.StatusFor(OrderStage.Shipped));
        Assert.Equal("cancelled", model.StatusFor(OrderStage.CancelledBySeller));
        Assert.Null(model.StatusFor(OrderStage.Confirmed));
    }
}
