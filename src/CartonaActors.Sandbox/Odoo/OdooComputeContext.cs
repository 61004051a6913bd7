namespace CartonaActors.Sandbox.Odoo;

/// <summary>What a computed field may look at: other records (as the current transaction sees them) and the
/// call's context keys that Odoo's computes honour.</summary>
public sealed class OdooComputeContext
{
    internal OdooComputeContext(IRecordSource source, IReadOnlySet<long>? warehouseIds)
    {
        Source = source;
        WarehouseIds = warehouseIds;
    }

    /// <summary>Records as the caller sees them.</summary>
    public IRecordSource Source { get; }

    /// <summary>Warehouses selected by context <c>warehouse_id</c>; null = all warehouses.</summary>
    public IReadOnlySet<long>? WarehouseIds { get; }
}
