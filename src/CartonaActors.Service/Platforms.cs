using CartonaActors.Marketplaces;
using CartonaActors.Marketplaces.Amazon;
using CartonaActors.Marketplaces.Cartona;
using CartonaActors.Marketplaces.Ebay;
using CartonaActors.Marketplaces.Rest;
using CartonaActors.Marketplaces.Shopify;

namespace CartonaActors.Service;

/// <summary>The platforms this service connects to: one line per platform.</summary>
public static class Platforms
{
    public static PlatformRegistry All() => new PlatformRegistry()
        .Add(new CartonaPlatform())
        .Add(new RestPlatform())
        .Add(new ShopifyPlatform())
        .Add(new AmazonPlatform())
        .Add(new EbayPlatform());
}
