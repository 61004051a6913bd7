using System.Text.Json;

namespace CartonaActors.Erp;

/// <summary>
/// <see cref="IOdooCatalog"/> over the ORM: every method is one call per <see cref="OdooSettings.PageSize"/> ids
/// (three at most for a <see cref="ReadChangedAsync"/> page), always with explicit <c>fields</c>, and with
/// <c>active_test=false</c> wherever archived products must be seen.
/// </summary>
public sealed class OdooCatalog : IOdooCatalog
{
    private const string Variant = VariantResolver.Variant;

    private readonly OdooClient _client;
    private readonly OdooSettings _settings;
    private readonly VariantResolver _resolver;
    private readonly ChangedRecordsReader _changes;
    private readonly string[] _variantFields;
    private readonly string[] _extraFields;

    public OdooCatalog(IOdooTransport transport, OdooSettings settings)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _client = new OdooClient(transport);
        _resolver = new VariantResolver(_client);
        _changes = new ChangedRecordsReader(_client);
        string[] fields = ["product_tmpl_id", "default_code", "lst_price", "active", "sale_ok", "company_id", "write_date"];
        if (!string.IsNullOrWhiteSpace(settings.UnlimitedStockField)) fields = [.. fields, settings.UnlimitedStockField];
        _extraFields = settings.ExtraVariantFields.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal).ToArray();
        _variantFields = [.. fields.Concat(_extraFields).Distinct(StringComparer.Ordinal)];
    }

    private int PageSize => Math.Max(1, _settings.PageSize);

    /// <inheritdoc />
    /// <remarks>Archived warehouses are left out: nothing is synced from them.</remarks>
    public async Task<IReadOnlyList<OdooWarehouse>> ReadWarehousesAsync(CancellationToken ct)
    {
        var rows = await _client.SearchReadAsync("stock.warehouse", OdooDomain.All, ["name", "code", "company_id"],
            order: "id asc", ct: ct);
        return rows.Select(r => new OdooWarehouse(OdooValues.Id(r), OdooValues.String(r, "code") ?? "",
            OdooValues.String(r, "name") ?? "", OdooValues.Many2OneId(r, "company_id"))).ToArray();
    }

    /// <inheritdoc />
    public Task<int> CountVariantsAsync(CancellationToken ct) =>
        _client.SearchCountAsync(Variant, OdooDomain.All, VariantResolver.SeeArchived, ct);

    /// <inheritdoc />
    public async Task<IReadOnlyList<OdooVariant>> ReadVariantsAfterAsync(long afterId, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var rows = await _client.SearchReadAsync(Variant, [OdooDomain.Leaf("id", ">", afterId)], _variantFields,
            limit: limit, order: "id asc", context: VariantResolver.SeeArchived, ct: ct);
        return rows.Select(ToVariant).ToArray();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OdooVariant>> ReadVariantsAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var variants = new List<OdooVariant>(ids.Count);
        foreach (var chunk in ids.Distinct().Chunk(PageSize))
        {
            // search_read on "id in", not read: ids deleted meanwhile are skipped instead of failing the batch.
            var rows = await _client.SearchReadAsync(Variant, [OdooDomain.Leaf("id", "in", chunk)], _variantFields,
                order: "id asc", context: VariantResolver.SeeArchived, ct: ct);
            variants.AddRange(rows.Select(ToVariant));
        }
        return variants;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> FindVariantIdsAsync(string field, IReadOnlyCollection<string> values, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentNullException.ThrowIfNull(values);
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in values.Distinct(StringComparer.Ordinal).Chunk(PageSize))
        {
            var rows = await _client.SearchReadAsync(Variant, [OdooDomain.Leaf(field, "in", chunk)], [field],
                order: "id asc", context: VariantResolver.SeeArchived, ct: ct);
            foreach (var row in rows)
            {
                if (OdooValues.String(row, field) is not { } value) continue;
                if (!found.TryAdd(value, OdooValues.Id(row))) shared.Add(value);
            }
        }
        foreach (var value in shared) found.Remove(value);
        return found;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<long, decimal>> ReadFreeQuantitiesAsync(IReadOnlyCollection<long> variantIds,
        long warehouseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(variantIds);
        var context = new Dictionary<string, object?> { ["warehouse_id"] = warehouseId, ["active_test"] = false };
        var quantities = new Dictionary<long, decimal>(variantIds.Count);
        foreach (var chunk in variantIds.Distinct().Chunk(PageSize))
        {
            var rows = await _client.SearchReadAsync(Variant, [OdooDomain.Leaf("id", "in", chunk)], ["free_qty"],
                context: context, ct: ct);
            foreach (var row in rows) quantities[OdooValues.Id(row)] = OdooValues.Decimal(row, "free_qty");
        }
        return quantities;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<long>> ResolveVariantIdsAsync(string model, IReadOnlyCollection<long> recordIds,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        var variants = new List<long>();
        foreach (var chunk in recordIds.Distinct().Chunk(PageSize))
            variants.AddRange(await _resolver.ResolveAsync(model, chunk, ct));
        return variants.Distinct().ToArray();
    }

    /// <inheritdoc />
    /// <remarks>
    /// Odoo reports write_date in whole seconds, so <paramref name="since"/> and the keyset are taken to the second
    /// (floor): a record may come back once more across an overlap, never be skipped. Returned WriteDates are whole
    /// seconds; pass the last one back with its id to continue. See <see cref="ChangedRecordsReader"/>.
    /// </remarks>
    public async Task<IReadOnlyList<OdooChange>> ReadChangedAsync(string model, DateTime since, DateTime? afterWriteDate,
        long afterId, int limit, CancellationToken ct)
    {
        if (!VariantResolver.IsSupported(model)) throw new ArgumentException($"Model '{model}' is not polled.", nameof(model));
        string[] fields = model is VariantResolver.Quant or VariantResolver.Move ? ["write_date", "product_id"] : ["write_date"];
        var context = model is VariantResolver.Quant or VariantResolver.Move
            ? new Dictionary<string, object?>()
            : VariantResolver.SeeArchived;
        var rows = await _changes.ReadPageAsync(model, fields, since, afterWriteDate, afterId, limit, context, ct);

        // One call for the page: a template's variants, or the variants linked to an attribute value.
        var variantsOf = model switch
        {
            VariantResolver.Template => await _resolver.VariantsOfTemplatesAsync(rows.Select(r => r.Id).ToArray(), ct),
            VariantResolver.AttributeValue => await _resolver.VariantsOfAttributeValuesAsync(rows.Select(r => r.Id).ToArray(), ct),
            _ => null,
        };
        return rows.Select(r => new OdooChange(model, r.Id, r.WriteDate, model switch
        {
            Variant => [r.Id],
            VariantResolver.Template or VariantResolver.AttributeValue => variantsOf!.GetValueOrDefault(r.Id, []),
            _ => OdooValues.Many2OneId(r.Record, "product_id") is { } product ? [product] : [],
        })).ToArray();
    }

    private OdooVariant ToVariant(JsonElement row) => new(
        OdooValues.Id(row),
        OdooValues.Many2OneId(row, "product_tmpl_id") ?? 0,
        OdooValues.String(row, "default_code"),
        OdooValues.Decimal(row, "lst_price"),
        OdooValues.Boolean(row, "active", fallback: true),
        OdooValues.Boolean(row, "sale_ok"),
        OdooValues.Many2OneId(row, "company_id"),
        !string.IsNullOrWhiteSpace(_settings.UnlimitedStockField) && OdooValues.Boolean(row, _settings.UnlimitedStockField),
        OdooValues.DateTime(row, "write_date") ?? DateTime.MinValue)
    {
        Fields = _extraFields.Length == 0 ? null : _extraFields.ToDictionary(f => f, f => OdooValues.Text(row, f), StringComparer.Ordinal),
    };
}
