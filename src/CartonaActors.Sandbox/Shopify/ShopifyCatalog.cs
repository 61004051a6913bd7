using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify;

/// <summary>The shop's locations, products and stock, seeded and changed by the test playing the merchant.
/// Every inventory item is stocked at every location, whichever was added first, starting at 0 available.</summary>
public sealed class ShopifyCatalog
{
    private readonly ShopState _shop;

    internal ShopifyCatalog(ShopState shop) => _shop = shop;

    /// <summary>Adds a location; returns its gid.</summary>
    public string AddLocation(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_shop.Gate)
        {
            var location = new LocationEntity(_shop.NewId("Location"), name);
            _shop.Locations.Add(location);
            foreach (var variant in _shop.Variants) _shop.Stock(variant, location);
            return location.Id;
        }
    }

    /// <summary>Adds a product with its variants (sku unique in the shop).</summary>
    public ShopifyProductIds AddProduct(string title, params (string Sku, string? Barcode, decimal Price)[] variants)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        lock (_shop.Gate)
        {
            foreach (var v in variants)
                if (_shop.VariantBySku(v.Sku) is not null) throw new ArgumentException($"sku {v.Sku} already exists", nameof(variants));
            var product = new ProductEntity(_shop.NewId("Product"), title);
            _shop.Products.Add(product);
            foreach (var (sku, barcode, price) in variants)
            {
                var variant = new VariantEntity(_shop.NewId("ProductVariant"), sku, barcode, price, product, _shop.NewId("InventoryItem"));
                product.Variants.Add(variant);
                _shop.Variants.Add(variant);
                foreach (var location in _shop.Locations) _shop.Stock(variant, location);
            }
            return new ShopifyProductIds(product.Id, product.Variants.Select(v => v.Id).ToList(),
                product.Variants.Select(v => v.InventoryItemId).ToList());
        }
    }

    /// <summary>The variant with this sku now, or null.</summary>
    public ShopifyVariantSnapshot? Variant(string sku)
    {
        lock (_shop.Gate)
        {
            var v = _shop.VariantBySku(sku);
            return v is null ? null : Snapshot(v);
        }
    }

    /// <summary>Every variant now, in the order added, read under one lock (a benchmark checking thousands of SKUs
    /// would otherwise search the shop once per SKU).</summary>
    public IReadOnlyList<ShopifyVariantSnapshot> Variants()
    {
        lock (_shop.Gate) return _shop.Variants.Select(Snapshot).ToList();
    }

    private ShopifyVariantSnapshot Snapshot(VariantEntity v) =>
        new(v.Sku, v.Barcode, v.Product.Id, v.Id, v.InventoryItemId, v.Price, v.CompareAtPrice,
            _shop.LevelsOf(v).ToDictionary(l => l.Location.Id, l => l.Available));

    /// <summary>The merchant's own stock change: moves the value a changeFromQuantity must match.</summary>
    public void SetAvailable(string sku, string locationGid, int quantity)
    {
        lock (_shop.Gate)
        {
            var v = _shop.VariantBySku(sku) ?? throw new ArgumentException($"unknown sku {sku}", nameof(sku));
            if (!_shop.Levels.TryGetValue((v.InventoryItemId, locationGid), out var level))
                throw new ArgumentException($"unknown location {locationGid}", nameof(locationGid));
            level.OnHand += quantity - level.Available;
            level.Available = quantity;
        }
    }
}
