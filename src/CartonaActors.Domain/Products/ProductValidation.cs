namespace CartonaActors.Domain.Products;

/// <summary>Checks an ERP update before anything is written; the message names the offending field.</summary>
public static class ProductValidation
{
    public const int MaxIdLength = 128;

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
        foreach (var (warehouse, qty) in cmd.StockByWarehouse ?? new Dictionary<string, decimal>())
        {
            if (string.IsNullOrWhiteSpace(warehouse) || warehouse.Length > 64)
                return "stock: warehouse names must be 1 to 64 characters";
            if (Math.Abs(qty) > ProductRules.MaxQuantity)
                return $"stock[{warehouse}]: quantity {qty} is out of range";
        }
        foreach (var link in cmd.Listings ?? [])
        {
            if (string.IsNullOrWhiteSpace(link.ConnectionId) || !isKnownConnection(link.ConnectionId))
                return $"listings: unknown connection '{link.ConnectionId}'";
            if (string.IsNullOrWhiteSpace(link.Ref.Value) || link.Ref.Value.Length > MaxIdLength)
                return $"listings[{link.ConnectionId}]: external product id must be 1 to {MaxIdLength} characters";
        }
        if (cmd.Listings is { } ls && ls.GroupBy(l => l.ConnectionId).Any(g => g.Count() > 1))
            return "listings: a connection may appear once";
        return null;
    }
}
