namespace CartonaActors.Erp;

/// <summary>A customer as the sync writes it. <see cref="Ref"/> carries the external id <c>retailer_&lt;code&gt;</c>.</summary>
public sealed record PartnerValues(string Ref, string Name, string? Phone, string? Mobile, string? Email, string? Street);

/// <summary>A sale order line to create: variant, quantity, unit price, description.</summary>
public sealed record SaleLineValues(long VariantId, decimal Quantity, decimal PriceUnit, string? Note);

/// <summary>A sale order to create, lines included, in one call.</summary>
/// <param name="ClientOrderRef">The marketplace order key (<c>&lt;connection&gt;/&lt;hashed_id&gt;</c>): looked up before any create.</param>
public sealed record SaleOrderValues(long PartnerId, string ClientOrderRef, string Origin, long? WarehouseId, IReadOnlyList<SaleLineValues> Lines);

/// <summary>A sale order line as Odoo has it.</summary>
public sealed record OdooSaleLine(long Id, long VariantId, decimal Quantity, decimal PriceUnit);

/// <summary>A sale order's state as the sync needs it.</summary>
/// <param name="State">draft, sent, sale or cancel (Odoo 18 has no done).</param>
/// <param name="DeliveryDone">An outgoing picking of the order is done.</param>
public sealed record OdooSaleOrder(long Id, string? ClientOrderRef, string State, bool Locked, bool DeliveryDone,
    IReadOnlyList<OdooSaleLine> Lines, DateTime WriteDate);

/// <summary>
/// What the order sync does in Odoo, whatever the transport. Each method is one or a few calls; failures surface
/// as <see cref="OdooException"/>s (business refusals as <see cref="OdooValidationException"/>).
/// </summary>
public interface IOdooSales
{
    Task<long?> FindPartnerByRefAsync(string reference, CancellationToken ct);
    Task<long> CreatePartnerAsync(PartnerValues values, CancellationToken ct);
    Task UpdatePartnerAsync(long partnerId, PartnerValues values, CancellationToken ct);

    /// <summary>The non-cancelled-or-cancelled order whose client_order_ref is exactly this, if any (lowest id).</summary>
    Task<OdooSaleOrder?> FindSaleOrderByRefAsync(string clientOrderRef, CancellationToken ct);
    Task<long> CreateSaleOrderAsync(SaleOrderValues values, CancellationToken ct);
    Task<IReadOnlyList<OdooSaleOrder>> ReadSaleOrdersAsync(IReadOnlyCollection<long> ids, CancellationToken ct);

    /// <summary>action_confirm (draft/sent -> sale).</summary>
    Task ConfirmSaleOrderAsync(long id, CancellationToken ct);

    /// <summary>action_cancel with disable_cancel_warning, then checks the order really is cancelled.</summary>
    Task CancelSaleOrderAsync(long id, CancellationToken ct);

    /// <summary>Replaces the lines of a draft order (a retailer's edit on Cartona).</summary>
    Task ReplaceLinesAsync(long id, IReadOnlyList<SaleLineValues> lines, CancellationToken ct);

    /// <summary>Validates the order's open outgoing pickings with their full demand.</summary>
    Task ValidateDeliveryAsync(long id, CancellationToken ct);

    /// <summary>Sale orders whose write_date ≥ since (keyset on (write_date, id)), for the poller; a picking
    /// change also moves its order's write_date.</summary>
    Task<IReadOnlyList<OdooSaleOrder>> ReadChangedSaleOrdersAsync(DateTime since, DateTime? afterWriteDate, long afterId, int limit, CancellationToken ct);

    /// <summary>The sale orders of stock pickings (for stock.picking webhooks).</summary>
    Task<IReadOnlyList<long>> SaleOrderIdsOfPickingsAsync(IReadOnlyCollection<long> pickingIds, CancellationToken ct);
}
