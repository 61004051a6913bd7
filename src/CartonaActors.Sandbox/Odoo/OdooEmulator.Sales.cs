namespace CartonaActors.Sandbox.Odoo;

/// <summary>A res.partner as a test asserts on it.</summary>
public sealed record OdooPartnerRecord(long Id, string? Name, string? Ref, string? Phone, string? Mobile, string? Email,
    string? Street, long CustomerRank, bool Active);

/// <summary>A sale.order.line as a test asserts on it.</summary>
public sealed record OdooSaleLineRecord(long Id, long? ProductId, string? Name, decimal Quantity, decimal PriceUnit,
    decimal QtyDelivered, string? DisplayType);

/// <summary>A sale.order as a test asserts on it: lines in id order, its pickings' ids.</summary>
public sealed record OdooSaleOrderRecord(long Id, string Name, long? PartnerId, string? ClientOrderRef, string? Origin,
    string State, bool Locked, long? WarehouseId, string? DeliveryStatus, IReadOnlyList<OdooSaleLineRecord> Lines,
    IReadOnlyList<long> PickingIds, DateTime WriteDate);

/// <summary>A stock.move of a delivery: demand, quantity reserved / done, state.</summary>
public sealed record OdooMoveRecord(long Id, long ProductId, long? SaleLineId, decimal Demand, decimal Quantity, string State);

/// <summary>A stock.picking as a test asserts on it.</summary>
public sealed record OdooPickingRecord(long Id, string Name, long? SaleOrderId, string PickingTypeCode, string State,
    long? WarehouseId, IReadOnlyList<OdooMoveRecord> Moves, DateTime WriteDate);

/// <summary>A line for <see cref="OdooEmulator.CreateSaleOrderAsync"/>.</summary>
public sealed record OdooSaleLineSeed(long ProductId, decimal Quantity, decimal PriceUnit);

public sealed partial class OdooEmulator
{
    // ---- Seeding ----

    /// <summary>Adds a customer (no transaction, no webhook); its id.</summary>
    public long AddPartner(string name, string? reference = null, string? phone = null, long? companyId = null) =>
        Seed(SaleModels.Partner, [new Dictionary<string, object?>
        {
            ["name"] = name, ["ref"] = reference, ["phone"] = phone, ["company_id"] = companyId, ["customer_rank"] = 1L,
        }])[0];

    // ---- Sales changes: each one transaction (sales gate held), as a user would make them in Odoo. ----

    /// <summary>Creates a draft quotation with its lines (a salesperson typing an order in Odoo); its id.</summary>
    public async Task<long> CreateSaleOrderAsync(long partnerId, IReadOnlyList<OdooSaleLineSeed> lines, string? clientOrderRef = null,
        long? warehouseId = null, WebhookMode mode = WebhookMode.Normal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var id = 0L;
        await SalesAsync(tx =>
        {
            var values = new Dictionary<string, object?>
            {
                ["partner_id"] = partnerId,
                ["client_order_ref"] = clientOrderRef,
                ["order_line"] = lines.Select(l => new object?[]
                {
                    0L, 0L, new Dictionary<string, object?>
                    {
                        ["product_id"] = l.ProductId, ["product_uom_qty"] = l.Quantity, ["price_unit"] = l.PriceUnit,
                    },
                }).ToList(),
            };
            if (warehouseId is { } w) values["warehouse_id"] = w;
            id = tx.Create(SaleModels.Order, values);
        }, mode, ct);
        return id;
    }

    /// <summary>"Confirm" on a quotation: action_confirm (picking created, stock reserved).</summary>
    public Task ConfirmSaleOrderAsync(long saleOrderId, WebhookMode mode = WebhookMode.Normal, CancellationToken ct = default) =>
        SalesAsync(tx => SaleStock.Confirm(tx, [saleOrderId], Options.LockConfirmedOrders), mode, ct);

    /// <summary>"Cancel" on an order, through the wizard's confirmation: open deliveries cancelled, reservations
    /// released. Fails (UserError) on a locked order.</summary>
    public Task CancelSaleOrderAsync(long saleOrderId, WebhookMode mode = WebhookMode.Normal, CancellationToken ct = default) =>
        SalesAsync(tx => SaleStock.Cancel(tx, [saleOrderId]), mode, ct);

    /// <summary>"Set to Quotation" on a cancelled order.</summary>
    public Task SetSaleOrderToDraftAsync(long saleOrderId, WebhookMode mode = WebhookMode.Normal, CancellationToken ct = default) =>
        SalesAsync(tx => SaleStock.SetToDraft(tx, [saleOrderId]), mode, ct);

    /// <summary>"Lock" / "Unlock" on an order.</summary>
    public Task SetSaleOrderLockedAsync(long saleOrderId, bool locked = true, WebhookMode mode = WebhookMode.Normal,
        CancellationToken ct = default) =>
        SalesAsync(tx => tx.Write(SaleModels.Order, [saleOrderId], new Dictionary<string, object?> { ["locked"] = locked }), mode, ct);

    /// <summary>A warehouse user validating the order's open outgoing deliveries with their full demand ("Auto-Fill
    /// Quantities", then "Validate"): stock leaves the warehouse, delivery_status becomes full.</summary>
    /// <exception cref="InvalidOperationException">The order has no open outgoing delivery.</exception>
    public Task ValidateDeliveryAsync(long saleOrderId, WebhookMode mode = WebhookMode.Normal, CancellationToken ct = default) =>
        SalesAsync(tx =>
        {
            var pickings = tx.Read(s => s.Referencing(SaleModels.Picking, "sale_id", saleOrderId)
                .Where(p => p["picking_type_code"] is "outgoing" && p["state"] is not ("done" or "cancel"))
                .Select(p => p.Id).Order().ToArray());
            if (pickings.Length == 0) throw new InvalidOperationException($"Sale order {saleOrderId} has no open delivery to validate.");
            SaleStock.Validate(tx, pickings, fillQuantities: true, skipBackorder: true);
        }, mode, ct);

    /// <summary>A user changing a line's quantity (on a confirmed order the delivery's demand follows).</summary>
    public Task SetLineQuantityAsync(long lineId, decimal quantity, WebhookMode mode = WebhookMode.Normal, CancellationToken ct = default) =>
        SalesAsync(tx => tx.Write(SaleModels.Line, [lineId], new Dictionary<string, object?> { ["product_uom_qty"] = quantity }), mode, ct);

    /// <summary>A user changing a line's unit price.</summary>
    public Task SetLinePriceAsync(long lineId, decimal price, WebhookMode mode = WebhookMode.Normal, CancellationToken ct = default) =>
        SalesAsync(tx => tx.Write(SaleModels.Line, [lineId], new Dictionary<string, object?> { ["price_unit"] = price }), mode, ct);

    /// <summary>A user deleting a line (refused by Odoo on a confirmed or locked order).</summary>
    public Task DeleteLineAsync(long lineId, WebhookMode mode = WebhookMode.Normal, CancellationToken ct = default) =>
        SalesAsync(tx => tx.Unlink(SaleModels.Line, [lineId]), mode, ct);

    // ---- Readers (committed data) ----

    /// <summary>Every sale order, by id.</summary>
    public IReadOnlyList<OdooSaleOrderRecord> SaleOrders() =>
        Store.Read(s => s.All(SaleModels.Order).OrderBy(o => o.Id).Select(o => new OdooSaleOrderRecord(
            o.Id, o["name"] as string ?? "", (long?)o["partner_id"], o["client_order_ref"] as string, o["origin"] as string,
            o["state"] as string ?? "", o["locked"] is true, (long?)o["warehouse_id"], o["delivery_status"] as string,
            s.Referencing(SaleModels.Line, "order_id", o.Id).OrderBy(l => l.Id).Select(l => new OdooSaleLineRecord(
                l.Id, (long?)l["product_id"], l["name"] as string, (decimal?)l["product_uom_qty"] ?? 0m,
                (decimal?)l["price_unit"] ?? 0m, (decimal?)l["qty_delivered"] ?? 0m, l["display_type"] as string)).ToArray(),
            s.Referencing(SaleModels.Picking, "sale_id", o.Id).Select(p => p.Id).Order().ToArray(),
            o.WriteDate)).ToArray());

    /// <summary>Every customer, archived included, by id.</summary>
    public IReadOnlyList<OdooPartnerRecord> Partners() =>
        Store.Read(s => s.All(SaleModels.Partner).OrderBy(p => p.Id).Select(p => new OdooPartnerRecord(
            p.Id, p["name"] as string, p["ref"] as string, p["phone"] as string, p["mobile"] as string, p["email"] as string,
            p["street"] as string, (long?)p["customer_rank"] ?? 0, p["active"] is true)).ToArray());

    /// <summary>Every picking (or those of one sale order), by id, with their moves.</summary>
    public IReadOnlyList<OdooPickingRecord> Pickings(long? saleOrderId = null) =>
        Store.Read(s => (saleOrderId is { } order ? s.Referencing(SaleModels.Picking, "sale_id", order) : s.All(SaleModels.Picking))
            .OrderBy(p => p.Id).Select(p => new OdooPickingRecord(
                p.Id, p["name"] as string ?? "", (long?)p["sale_id"], p["picking_type_code"] as string ?? "", p["state"] as string ?? "",
                (long?)p["warehouse_id"],
                s.Referencing(ProductModels.Move, "picking_id", p.Id).OrderBy(m => m.Id).Select(m => new OdooMoveRecord(
                    m.Id, (long?)m["product_id"] ?? 0, (long?)m["sale_line_id"], (decimal?)m["product_uom_qty"] ?? 0m,
                    (decimal?)m["quantity"] ?? 0m, m["state"] as string ?? "")).ToArray(),
                p.WriteDate)).ToArray());

    /// <summary>The variant's quant in a warehouse as (quantity, reserved), zeros when there is none.</summary>
    public (decimal Quantity, decimal Reserved) Stock(long variantId, long warehouseId) =>
        Store.Read(s => s.Referencing(ProductModels.Quant, "product_id", variantId)
            .Where(q => q["warehouse_id"] is long w && w == warehouseId)
            .Aggregate((0m, 0m), (sum, q) => (sum.Item1 + ((decimal?)q["quantity"] ?? 0m), sum.Item2 + ((decimal?)q["reserved_quantity"] ?? 0m))));

    private async Task SalesAsync(Action<OdooTransaction> build, WebhookMode mode, CancellationToken ct)
    {
        await Store.SalesGate.WaitAsync(ct);
        try
        {
            await TransactAsync(build, mode, ct: ct);
        }
        finally
        {
            Store.SalesGate.Release();
        }
    }
}
