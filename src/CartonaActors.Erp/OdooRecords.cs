namespace CartonaActors.Erp;

/// <summary>A product variant (<c>product.product</c>) as the sync needs it.</summary>
/// <param name="LstPrice">Sales price including attribute extras (template list_price + price_extra).</param>
/// <param name="WriteDate">Odoo's write_date (naive UTC in the API), as UTC.</param>
public sealed record OdooVariant(
    long Id,
    long TemplateId,
    string? DefaultCode,
    decimal LstPrice,
    bool Active,
    bool SaleOk,
    long? CompanyId,
    bool UnlimitedStock,
    DateTime WriteDate)
{
    /// <summary>The extra fields read (<see cref="OdooSettings.ExtraVariantFields"/>) as text: false/empty read as null,
    /// true as "true".</summary>
    public IReadOnlyDictionary<string, string?>? Fields { get; init; }
}

/// <summary>A <c>stock.warehouse</c>.</summary>
public sealed record OdooWarehouse(long Id, string Code, string Name, long? CompanyId);

/// <summary>One record of a polled model that changed, and the variants it concerns.</summary>
public sealed record OdooChange(string Model, long RecordId, DateTime WriteDate, IReadOnlyList<long> VariantIds);
