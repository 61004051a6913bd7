using System.Text.Json;

namespace CartonaActors.Erp;

/// <summary>
/// <see cref="IOdooSales"/> over the ORM (odoo.md §2.3–2.4): partners by <c>ref</c>, sale orders by
/// <c>client_order_ref</c>, created with their lines in one call, confirmed, cancelled with
/// <c>disable_cancel_warning</c> and checked, delivered through their outgoing pickings. Reading orders costs three
/// calls per <see cref="OdooSettings.PageSize"/> orders (orders, lines, done outgoing pickings), whatever their number.
/// </summary>
public sealed class OdooSales : IOdooSales
{
    private const string Partner = "res.partner";
    private const string Order = "sale.order";
    private const string Line = "sale.order.line";
    private const string Picking = "stock.picking";
    private const string Move = "stock.move";

    private static readonly string[] OrderFields = ["client_order_ref", "state", "locked", "write_date"];
    private static readonly IReadOnlyDictionary<string, object?> SeeArchived = new Dictionary<string, object?> { ["active_test"] = false };
    private static readonly IReadOnlyDictionary<string, object?> NoCancelWizard =
        new Dictionary<string, object?> { ["disable_cancel_warning"] = true };

    private readonly OdooClient _client;
    private readonly OdooSettings _settings;
    private readonly ChangedRecordsReader _changes;

    public OdooSales(IOdooTransport transport, OdooSettings settings)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _client = new OdooClient(transport);
        _changes = new ChangedRecordsReader(_client);
    }

    private int PageSize => Math.Max(1, _settings.PageSize);

    /// <inheritdoc />
    /// <remarks>Archived partners count: a customer archived in Odoo is not created again.</remarks>
    public async Task<long?> FindPartnerByRefAsync(string reference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var ids = await _client.SearchAsync(Partner, [OdooDomain.Leaf("ref", "=", reference)], limit: 1, order: "id asc",
            context: SeeArchived, ct: ct);
        return ids.Count > 0 ? ids[0] : null;
    }

    /// <inheritdoc />
    public Task<long> CreatePartnerAsync(PartnerValues values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        var fields = PartnerFields(values);
        fields["customer_rank"] = 1;
        fields["is_company"] = false;
        return _client.CreateAsync(Partner, fields, ct: ct);
    }

    /// <inheritdoc />
    /// <remarks>Only the values given (non-null) are written; what Odoo users filled in is otherwise kept.</remarks>
    public Task UpdatePartnerAsync(long partnerId, PartnerValues values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        return _client.WriteAsync(Partner, [partnerId], PartnerFields(values), ct: ct);
    }

    /// <inheritdoc />
    public async Task<OdooSaleOrder?> FindSaleOrderByRefAsync(string clientOrderRef, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderRef);
        var rows = await _client.SearchReadAsync(Order, [OdooDomain.Leaf("client_order_ref", "=", clientOrderRef)], OrderFields,
            limit: 1, order: "id asc", ct: ct);
        return rows.Count == 0 ? null : (await CompleteAsync(rows, ct))[0];
    }

    /// <inheritdoc />
    public Task<long> CreateSaleOrderAsync(SaleOrderValues values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        var fields = new Dictionary<string, object?>
        {
            ["partner_id"] = values.PartnerId,
            ["client_order_ref"] = values.ClientOrderRef,
            ["origin"] = values.Origin,
            ["order_line"] = values.Lines.Select(l => LineCommand(0, l)).ToArray(),
        };
        if (values.WarehouseId is { } warehouse) fields["warehouse_id"] = warehouse;
        return _client.CreateAsync(Order, fields, ct: ct);
    }

    /// <inheritdoc />
    /// <remarks>Ids that do not exist (any more) are left out.</remarks>
    public async Task<IReadOnlyList<OdooSaleOrder>> ReadSaleOrdersAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var orders = new List<OdooSaleOrder>(ids.Count);
        foreach (var chunk in ids.Distinct().Chunk(PageSize))
        {
            var rows = await _client.SearchReadAsync(Order, [OdooDomain.Leaf("id", "in", chunk)], OrderFields, order: "id asc", ct: ct);
            orders.AddRange(await CompleteAsync(rows, ct));
        }
        return orders;
    }

    /// <inheritdoc />
    public Task ConfirmSaleOrderAsync(long id, CancellationToken ct) =>
        _client.CallAsync(Order, "action_confirm", [id], ct: ct);

    /// <inheritdoc />
    /// <exception cref="OdooValidationException">Odoo refused (a locked order), or the order is still not cancelled
    /// afterwards (the call answered something else than a cancellation, e.g. a wizard).</exception>
    public async Task CancelSaleOrderAsync(long id, CancellationToken ct)
    {
        await _client.CallAsync(Order, "action_cancel", [id], new Dictionary<string, object?> { ["context"] = NoCancelWizard }, ct);
        var rows = await _client.ReadAsync(Order, [id], ["state"], ct: ct);
        var state = rows.Count > 0 ? OdooValues.String(rows[0], "state") : null;
        if (state != "cancel")
            throw new OdooValidationException($"Odoo sale.order {id} is '{state}' after action_cancel, not 'cancel'.");
    }

    /// <inheritdoc />
    /// <remarks>One write: <c>[(5,0,0), (0,0,{…})…]</c>. Odoo refuses it on a locked order and, because removing
    /// lines of a confirmed order is forbidden, on a confirmed one (<see cref="OdooValidationException"/>).</remarks>
    public Task ReplaceLinesAsync(long id, IReadOnlyList<SaleLineValues> lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lines);
        object?[] commands = [new object?[] { 5, 0, 0 }, .. lines.Select(l => LineCommand(0, l))];
        return _client.WriteAsync(Order, [id], new Dictionary<string, object?> { ["order_line"] = commands }, ct: ct);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Reads the order's open outgoing pickings and their moves, sets every move short of its demand to the demand
    /// (one write per picking, through <c>move_ids</c> commands, only when needed), then one <c>button_validate</c>
    /// on all of them. No open picking: nothing to do (already delivered, or nothing to deliver).
    /// </remarks>
    /// <exception cref="OdooValidationException">Odoo refused, or answered a wizard instead of validating.</exception>
    public async Task ValidateDeliveryAsync(long id, CancellationToken ct)
    {
        var pickings = await _client.SearchReadAsync(Picking,
            [
                OdooDomain.Leaf("sale_id", "=", id),
                OdooDomain.Leaf("picking_type_code", "=", "outgoing"),
                OdooDomain.Leaf("state", "not in", new[] { "done", "cancel" }),
            ],
            ["state"], order: "id asc", ct: ct);
        if (pickings.Count == 0) return;
        var pickingIds = pickings.Select(OdooValues.Id).ToArray();

        var moves = await _client.SearchReadAsync(Move,
            [OdooDomain.Leaf("picking_id", "in", pickingIds), OdooDomain.Leaf("state", "not in", new[] { "done", "cancel" })],
            ["picking_id", "product_uom_qty", "quantity"], order: "id asc", ct: ct);
        foreach (var group in moves.Where(m => OdooValues.Decimal(m, "quantity") < OdooValues.Decimal(m, "product_uom_qty"))
                     .GroupBy(m => OdooValues.Many2OneId(m, "picking_id") ?? 0))
        {
            var commands = group.Select(m => new object?[]
            {
                1, OdooValues.Id(m), new Dictionary<string, object?> { ["quantity"] = OdooValues.Decimal(m, "product_uom_qty") },
            }).ToArray();
            await _client.WriteAsync(Picking, [group.Key], new Dictionary<string, object?> { ["move_ids"] = commands }, ct: ct);
        }

        var result = await _client.CallAsync(Picking, "button_validate", pickingIds, ct: ct);
        if (result.ValueKind == JsonValueKind.Object)
            throw new OdooValidationException(
                $"Odoo answered the wizard '{OdooValues.String(result, "res_model")}' instead of validating the delivery of sale.order {id}.");
    }

    /// <inheritdoc />
    /// <remarks>Keyset on (write_date to the second, id): see <see cref="ChangedRecordsReader"/>. Returned WriteDates
    /// are whole seconds; pass the last one back with its id to continue.</remarks>
    public async Task<IReadOnlyList<OdooSaleOrder>> ReadChangedSaleOrdersAsync(DateTime since, DateTime? afterWriteDate, long afterId,
        int limit, CancellationToken ct)
    {
        var rows = await _changes.ReadPageAsync(Order, OrderFields, since, afterWriteDate, afterId, limit,
            new Dictionary<string, object?>(), ct);
        if (rows.Count == 0) return [];
        var orders = (await CompleteAsync(rows.Select(r => r.Record).ToArray(), ct)).ToDictionary(o => o.Id);
        // In the page's (second, id) order, with the second the keyset runs on.
        return rows.Select(r => orders[r.Id] with { WriteDate = r.WriteDate }).ToArray();
    }

    /// <inheritdoc />
    /// <remarks>Pickings that do not exist (any more) or belong to no sale order are left out.</remarks>
    public async Task<IReadOnlyList<long>> SaleOrderIdsOfPickingsAsync(IReadOnlyCollection<long> pickingIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pickingIds);
        var orders = new List<long>();
        foreach (var chunk in pickingIds.Distinct().Chunk(PageSize))
        {
            var rows = await _client.SearchReadAsync(Picking, [OdooDomain.Leaf("id", "in", chunk)], ["sale_id"], ct: ct);
            orders.AddRange(rows.Select(r => OdooValues.Many2OneId(r, "sale_id")).OfType<long>());
        }
        return orders.Distinct().Order().ToArray();
    }

    // Lines (one search_read) and done outgoing pickings (one search_read) of already read order rows.
    private async Task<IReadOnlyList<OdooSaleOrder>> CompleteAsync(IReadOnlyList<JsonElement> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(OdooValues.Id).ToArray();
        var lines = await _client.SearchReadAsync(Line,
            [OdooDomain.Leaf("order_id", "in", ids)],
            ["order_id", "product_id", "product_uom_qty", "price_unit", "display_type"], order: "id asc", ct: ct);
        var delivered = await _client.SearchReadAsync(Picking,
            [
                OdooDomain.Leaf("sale_id", "in", ids),
                OdooDomain.Leaf("picking_type_code", "=", "outgoing"),
                OdooDomain.Leaf("state", "=", "done"),
            ],
            ["sale_id"], ct: ct);

        var linesByOrder = lines
            .Where(l => OdooValues.String(l, "display_type") is null) // sections and notes are not goods
            .GroupBy(l => OdooValues.Many2OneId(l, "order_id") ?? 0)
            .ToDictionary(g => g.Key, g => g.Select(l => new OdooSaleLine(OdooValues.Id(l), OdooValues.Many2OneId(l, "product_id") ?? 0,
                OdooValues.Decimal(l, "product_uom_qty"), OdooValues.Decimal(l, "price_unit"))).ToArray());
        var deliveredOrders = delivered.Select(p => OdooValues.Many2OneId(p, "sale_id")).OfType<long>().ToHashSet();

        return rows.Select(r =>
        {
            var id = OdooValues.Id(r);
            return new OdooSaleOrder(id, OdooValues.String(r, "client_order_ref"), OdooValues.String(r, "state") ?? "",
                OdooValues.Boolean(r, "locked"), deliveredOrders.Contains(id), linesByOrder.GetValueOrDefault(id, []),
                OdooDateTime.TruncateToSecond(OdooValues.DateTime(r, "write_date") ?? DateTime.MinValue));
        }).ToArray();
    }

    private static object?[] LineCommand(int command, SaleLineValues line)
    {
        var values = new Dictionary<string, object?>
        {
            ["product_id"] = line.VariantId,
            ["product_uom_qty"] = line.Quantity,
            ["price_unit"] = line.PriceUnit,
        };
        if (!string.IsNullOrWhiteSpace(line.Note)) values["name"] = line.Note;
        return [command, 0, values];
    }

    private static Dictionary<string, object?> PartnerFields(PartnerValues values)
    {
        var fields = new Dictionary<string, object?>();
        void Add(string name, string? value)
        {
            if (value is not null) fields[name] = value;
        }
        Add("name", values.Name);
        Add("ref", values.Ref);
        Add("phone", values.Phone);
        Add("mobile", values.Mobile);
        Add("email", values.Email);
        Add("street", values.Street);
        return fields;
    }
}
