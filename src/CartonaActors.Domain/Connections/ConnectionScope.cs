namespace CartonaActors.Domain.Connections;

/// <summary>
/// What a product needs to know about a marketplace connection: its name and the warehouses whose free
/// quantity it sells (empty = every warehouse). The real module maps one warehouse to one Cartona token.
/// </summary>
public sealed record ConnectionScope(string ConnectionId, IReadOnlyList<string> Warehouses)
{
    public bool Covers(string warehouse) => Warehouses.Count == 0 || Warehouses.Contains(warehouse, StringComparer.Ordinal);
}
