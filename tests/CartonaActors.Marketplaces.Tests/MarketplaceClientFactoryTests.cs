using CartonaActors.Marketplaces.Cartona;

namespace CartonaActors.Marketplaces.Tests;

public sealed class MarketplaceClientFactoryTests
{
    private const string Token = "factory-secret-token-123";

    [Theory]
    [InlineData("cartona")]
    [InlineData("Cartona")]
    [InlineData("CARTONA")]
    public void Cartona_connections_get_a_cartona_client(string platform)
    {
        var client = MarketplaceClientFactory.Create(Valid(s => s.Platform = platform));

        var cartona = Assert.IsType<CartonaClient>(client);
        Assert.Equal(250, cartona.MaxBatchSize);
        cartona.Dispose();
    }

    [Fact]
    public void An_unknown_platform_names_the_platform_and_connection_but_not_the_token()
    {
        var error = Assert.Throws<ArgumentException>(() => MarketplaceClientFactory.Create(Valid(s => s.Platform = "shopify")));

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

        var error = Assert.Throws<ArgumentException>(() => MarketplaceClientFactory.Create(settings));

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
}
