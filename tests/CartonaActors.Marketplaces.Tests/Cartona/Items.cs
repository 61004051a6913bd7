using CartonaActors.Domain.Products;

namespace CartonaActors.Marketplaces.Tests.Cartona;

/// <summary>Terse PushItem builders.</summary>
internal static class Items
{
    public static PushItem ByInternalId(string id, decimal? price = null, int? quantity = null, bool? unlimited = null) =>
        new(id, "cartona-test", new ListingRef("InternalProductId", id),
            new PushedValues(price, unlimited, quantity), Version: 1);

    public static PushItem BySupplierId(string id, decimal? price = null, int? quantity = null, bool? unlimited = null) =>
        new("p-" + id, "cartona-test", new ListingRef("SupplierProductId", id),
            new PushedValues(price, unlimited, quantity), Version: 1);
}
