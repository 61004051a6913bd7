namespace CartonaActors.Erp;

/// <summary>
/// What the sync reads from Odoo, whatever the transport (JSON-RPC today, JSON-2 on Odoo 19+). Every method is
/// one or a few batched calls, never one call per record. Failures surface as <see cref="OdooException"/>s.
/// </summary>
public interface IOdooCatalog
{
    Task<IReadOnlyList<OdooWarehouse>> ReadWarehousesAsync(CancellationToken ct);

    /// <summary>Number of variants, archived included (for load progress).</summary>
    Task<int> CountVariantsAsync(CancellationToken ct);

    /// <summary>Variants with id &gt; <paramref name="afterId"/>, by id, archived included: keyset paging.</summary>
    Task<IReadOnlyList<OdooVariant>> ReadVariantsAfterAsync(long afterId, int limit, CancellationToken ct);

    /// <summary>The given variants, archived included; ids that no longer exist are simply absent.</summary>
    Task<IReadOnlyList<OdooVariant>> ReadVariantsAsync(IReadOnlyCollection<long> ids, CancellationToken ct);

    /// <summary>The variants whose <paramref name="field"/> (<c>default_code</c>, <c>barcode</c>, a custom field) holds
    /// one of <paramref name="values"/>, archived included: value -> variant id. A value two variants share maps to
    /// neither (which one a marketplace line meant cannot be known); a value no variant has is absent.</summary>
    Task<IReadOnlyDictionary<string, long>> FindVariantIdsAsync(string field, IReadOnlyCollection<string> values, CancellationToken ct);

    /// <summary><c>free_qty</c> of each variant in one warehouse (context <c>warehouse_id</c>), one call.</summary>
    Task<IReadOnlyDictionary<long, decimal>> ReadFreeQuantitiesAsync(IReadOnlyCollection<long> variantIds, long warehouseId, CancellationToken ct);

    /// <summary>The variants concerned by records of a model: product.product itself, product.template's
    /// variants, product.template.attribute.value's variants (those whose product_template_attribute_value_ids
    /// contain it; its price_extra is part of their lst_price), stock.quant's / stock.move's product_id. Archived
    /// variants included; unknown records are skipped.</summary>
    Task<IReadOnlyList<long>> ResolveVariantIdsAsync(string model, IReadOnlyCollection<long> recordIds, CancellationToken ct);

    /// <summary>Records of <paramref name="model"/> with write_date ≥ <paramref name="since"/>, ordered by
    /// (write_date, id), strictly after the keyset position (<paramref name="afterWriteDate"/>, <paramref name="afterId"/>)
    /// when given, with the variants each concerns (as <see cref="ResolveVariantIdsAsync"/>). Supported models:
    /// product.product, product.template, product.template.attribute.value (a price_extra change moves only its
    /// write_date, not its variants'), stock.quant, stock.move.</summary>
    Task<IReadOnlyList<OdooChange>> ReadChangedAsync(string model, DateTime since, DateTime? afterWriteDate, long afterId, int limit, CancellationToken ct);
}
