namespace CartonaActors.Domain.Products;

/// <summary>Checks an ERP update before anything is written; the message names the offending field.</summary>
public static class ProductValidation
{
    public const int MaxIdLength = 128;

    /// <summary>Warehouses one product's stock may name: Odoo deployments have tens; the bound keeps a product's
    /// state, its events and the messages carrying it (well) inside a remote frame.</summary>
    public const int MaxWarehouses = 1_000;

    public const int MaxWarehouseNameLength = 64;

    /// <summary>Further ids one listing may carry (<see cref="ListingRef.Keys"/>): a platform needs one or two.
    /// They travel with every push of the product, so they are bounded like the ids themselves.</summary>
    public const int MaxListingKeys = 8;

    public const int MaxListingKeyLength = 64;

    public static string? ValidateProductId(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "productId is required"
        : id.Length > MaxIdLength ? $"productId is longer than {MaxIdLength} characters"
        : id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '/') ? "productId must not contain whitespace, control characters or '/'"
        : null;

    public static string? Validate(UpdateProduct cmd, Func<string, bool> isKnownConnection)
    {
        if (ValidateProductId(cmd.ProductId) is { } idError) return idError;
        if (cmd.Price is null && cmd.StockByWarehouse is null && cmd.UnlimitedStock is null
            && cmd.Listings is null && cmd.UnlinkConnections is null)
            return "nothing to update: give at least one of price, stock, unlimitedStock, listings, unlink";
        if (cmd.Price is { } price && (price < 0 || price > ProductRules.MaxPrice))
            return $"price must be between 0 and {ProductRules.MaxPrice}, got {price}";
        if (cmd.StockByWarehouse is { Count: > MaxWarehouses } many)
            return $"stock: at most {MaxWarehouses} warehouses per product, got {many.Count}";
        foreach (var (warehouse, qty) in cmd.StockByWarehouse ?? new Dictionary<string, decimal>())
        {
            if (string.IsNullOrWhiteSpace(warehouse) || warehouse.Length > MaxWarehouseNameLength)
                return $"stock: warehouse names must be 1 to {MaxWarehouseNameLength} characters";
            if (Math.Abs(qty) > ProductRules.MaxQuantity)
                return $"stock[{warehouse}]: quantity {qty} is out of range";
        }
        foreach (var link in cmd.Listings ?? [])
        {
            if (string.IsNullOrWhiteSpace(link.ConnectionId) || !isKnownConnection(link.ConnectionId))
                return $"listings: unknown connection '{link.ConnectionId}'";
            if (string.IsNullOrWhiteSpace(link.Ref.Value) || link.Ref.Value.Length > MaxIdLength)
                return $"listings[{link.ConnectionId}]: external product id must be 1 to {MaxIdLength} characters";
            if (link.Ref.Keys is { Count: > MaxListingKeys } keys)
                return $"listings[{link.ConnectionId}]: at most {MaxListingKeys} keys, got {keys.Count}";
            foreach (var (name, value) in link.Ref.Keys ?? System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty)
                if (string.IsNullOrWhiteSpace(name) || name.Length > MaxListingKeyLength || string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength)
                    return $"listings[{link.ConnectionId}]: key names must be 1 to {MaxListingKeyLength} characters and values 1 to {MaxIdLength}";
        }
        if (cmd.Listings is { } ls && ls.GroupBy(l => l.ConnectionId).Any(g => g.Count() > 1))
            return "listings: a connection may appear once";
        return null;
    }

    /// <summary>What the update would make of the product as a whole: stock is set per warehouse, so warehouses
    /// named by successive updates add up.</summary>
    public static string? ValidateOn(ProductState state, UpdateProduct cmd)
    {
        var added = cmd.StockByWarehouse?.Keys.Count(w => !state.StockByWarehouse.ContainsKey(w)) ?? 0;
        var total = state.StockByWarehouse.Count + added;
        return added > 0 && total > MaxWarehouses
            ? $"stock: at most {MaxWarehouses} warehouses per product; this change would make {total}"
            : null;
    }
}
