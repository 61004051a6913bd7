using CartonaActors.Marketplaces.Cartona;

namespace CartonaActors.Marketplaces.Tests;

/// <summary>Connections are opened by their platform: settings validated, limits and rules as data, errors naming
/// the connection and the key, never the token.</summary>
public sealed class PlatformRegistryTests
{
    private const string Token = "factory-secret-token-123";
    private static readonly PlatformRegistry Registry = new PlatformRegistry().Add(new CartonaPlatform());

    [Theory]
    [InlineData("cartona")]
    [InlineData("Cartona")]
    [InlineData("CARTONA")]
    public void Cartona_connections_get_a_cartona_client_and_cartonas_limits(string platform)
    {
        var connection = Registry.Open(Valid(s => s.Platform = platform));

        using var cartona = Assert.IsType<CartonaClient>(connection.CreateClient());
        Assert.Equal(250, connection.Limits.MaxBatchSize);
        Assert.Equal(new PacingModel.RequestRate(5, 10), connection.Limits.Pacing);
        Assert.Equal(CartonaPlatform.InternalProductId, connection.Listings.Kind);
        Assert.NotNull(connection.Orders);
    }

    [Fact]
    public void Defaults_are_the_platforms_published_limits()
    {
        var connection = Registry.Open(Valid(s => s.MaxBatchSize = null));

        Assert.Equal(1000, connection.Limits.MaxBatchSize);
    }

    [Fact]
    public void An_unknown_platform_setting_names_the_key()
    {
        var error = Assert.Throws<ArgumentException>(() => Registry.Open(Valid(s => s.Settings["AuthHeadr"] = "x")));

        Assert.Contains("Settings:AuthHeadr", error.Message);
        Assert.Contains("shop-eg", error.Message);
    }

    [Fact]
    public void Per_connection_rules_are_validated_and_carried_in_the_scope()
    {
        var scope = Registry.Open(Valid(s => { s.PriceMarkupPercent = 10; s.StockSafetyBuffer = 2; s.MinimumPrice = 1; })).Scope;
        Assert.Equal(11m, scope.PriceRule.Apply(10m));
        Assert.Equal(3, scope.StockRule.Apply(5));

        var error = Assert.Throws<ArgumentException>(() => Registry.Open(Valid(s => s.StockSafetyBuffer = -1)));
        Assert.Contains("StockSafetyBuffer", error.Message);
        var perLocation = Assert.Throws<ArgumentException>(() => Registry.Open(Valid(s => s.LocationByWarehouse["WH1"] = "loc-1")));
        Assert.Contains("LocationByWarehouse", perLocation.Message);
    }

    [Fact]
    public void Cartona_cannot_list_by_sku_but_can_by_an_erp_field_holding_its_id()
    {
        var sku = Assert.Throws<ArgumentException>(() => Registry.Open(Valid(s => s.ListingSource = CartonaActors.Domain.Listings.ListingSource.Sku)));
        Assert.Contains("ListingSource", sku.Message);

        var byField = Registry.Open(Valid(s => { s.ListingSource = CartonaActors.Domain.Listings.ListingSource.ErpField; s.ListingField = "x_cartona_id"; }));
        Assert.Equal(CartonaPlatform.SupplierProductId, byField.Listings.Kind);
        Assert.Contains("x_cartona_id", byField.Listings.ErpFields());
    }

    [Fact]
    public void An_unknown_platform_names_the_platform_and_connection_but_not_the_token()
    {
        var error = Assert.Throws<ArgumentException>(() => Registry.Open(Valid(s => s.Platform = "shopify")));

        Assert.Contains("shopify", error.Message);
        Assert.Contains("shop-eg", error.Message);
        Assert.DoesNotContain(Token, error.Message);
    }

    public static TheoryData<string, string> InvalidSettings => new()
    {
        { "name", "has no Name" },
        { "url-relative", "must be an absolute http(s) URL" },
        { "url-ftp", "must be an absolute http(s) URL" },
        { "token", "Token is empty" },
        { "batch-0", "MaxBatchSize 0 must be between 1 and 1000" },
        { "batch-1001", "MaxBatchSize 1001 must be between 1 and 1000" },
        { "rps", "RequestsPerSecond 0 must be greater than 0" },
        { "burst", "Burst 0 must be at least 1" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_settings_are_refused_with_a_clear_message(string breakage, string expected)
    {
        var settings = Valid(s =>
        {
            switch (breakage)
            {
                case "name": s.Name = " "; break;
                case "url-relative": s.BaseUrl = "api/v1/"; break;
                case "url-ftp": s.BaseUrl = "ftp://example.com/api/v1/"; break;
                case "token": s.Token = ""; break;
                case "batch-0": s.MaxBatchSize = 0; break;
                case "batch-1001": s.MaxBatchSize = 1001; break;
                case "rps": s.RequestsPerSecond = 0; break;
                case "burst": s.Burst = 0; break;
            }
        });

        var error = Assert.Throws<ArgumentException>(() => Registry.Open(settings));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(Token, error.Message);
        if (breakage != "name") Assert.Contains("shop-eg", error.Message);
    }

    private static ConnectionSettings Valid(Action<ConnectionSettings> change)
    {
        var settings = new ConnectionSettings
        {
            Name = "shop-eg",
            Platform = "cartona",
            BaseUrl = "https://supplier-integrations.cartona.com/api/v1/",
            Token = Token,
            MaxBatchSize = 250,
        };
        change(settings);
        return settings;
    }

    [Theory]
    [InlineData("OrderStatusPath", "v1/orders/status", "Settings:OrderStatusPath")]
    [InlineData("PricesPath", "https://elsewhere.example/v1/prices", "Settings:PricesPath")]
    [InlineData("Currency", "egp", "Settings:Currency")]
    [InlineData("Curency", "EGP", "Settings:Curency")]
    public void A_rest_connection_refuses_settings_that_cannot_work_naming_the_key(string key, string value, string named)
    {
        var registry = new PlatformRegistry().Add(new CartonaPlatform()).Add(new CartonaActors.Marketplaces.Rest.RestPlatform());
        var settings = Valid(s => { s.Platform = "rest"; s.MaxBatchSize = null; s.Settings[key] = value; });

        var error = Assert.Throws<ArgumentException>(() => registry.Open(settings));

        Assert.Contains(named, error.Message);
        Assert.Contains("shop-eg", error.Message);
        Assert.DoesNotContain(Token, error.Message);
    }

    [Fact]
    public void A_rest_connection_is_bounded_by_its_batch_maximum_and_sells_per_location()
    {
        var registry = new PlatformRegistry().Add(new CartonaActors.Marketplaces.Rest.RestPlatform());
        Assert.Contains("between 1 and 500", Assert.Throws<ArgumentException>(() => registry.Open(Valid(s => { s.Platform = "rest"; s.MaxBatchSize = 501; }))).Message);
        var scope = registry.Open(Valid(s => { s.Platform = "rest"; s.MaxBatchSize = null; s.LocationByWarehouse["WH1"] = "loc-1"; })).Scope;
        Assert.True(scope.SellsPerLocation);
    }

    [Fact]
    public void A_missing_platform_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Registry.Open(Valid(s => s.Platform = "")));
        Assert.Contains("Platform is not set", error.Message);
    }
}
