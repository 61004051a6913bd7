namespace CartonaActors.Erp;

/// <summary>
/// Maps records of the models the sync watches to the variants they concern, in one call per batch:
/// product.product → itself (if it exists), product.template → its variants, product.template.attribute.value → the
/// variants whose product_template_attribute_value_ids contain it, stock.quant / stock.move → product_id.
/// Archived records count: an archived variant still has to be withdrawn from the marketplace.
/// </summary>
internal sealed class VariantResolver(OdooClient client)
{
    public static readonly IReadOnlyDictionary<string, object?> SeeArchived =
        new Dictionary<string, object?> { ["active_test"] = false };

    public const string Variant = "product.product";
    public const string Template = "product.template";
    public const string Quant = "stock.quant";
    public const string Move = "stock.move";
    public const string AttributeValue = "product.template.attribute.value";
    public const string AttributeValuesField = "product_template_attribute_value_ids";

    public static bool IsSupported(string model) => model is Variant or Template or AttributeValue or Quant or Move;

    public async Task<IReadOnlyList<long>> ResolveAsync(string model, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (!IsSupported(model)) throw new ArgumentException($"Model '{model}' does not map to variants.", nameof(model));
        if (ids.Count == 0) return [];
        var inIds = ids.Distinct().ToArray();
        switch (model)
        {
            case Variant:
                return await client.SearchAsync(Variant, [OdooDomain.Leaf("id", "in", inIds)], order: "id asc",
                    context: SeeArchived, ct: ct);
            case Template:
                return await client.SearchAsync(Variant, [OdooDomain.Leaf("product_tmpl_id", "in", inIds)], order: "id asc",
                    context: SeeArchived, ct: ct);
            case AttributeValue:
                var byValue = await VariantsOfAttributeValuesAsync(inIds, ct);
                return byValue.Values.SelectMany(v => v).Distinct().Order().ToArray();
            default:
                // search_read, not read: a quant removed since (zero quants are unlinked) is skipped, not an error.
                var rows = await client.SearchReadAsync(model, [OdooDomain.Leaf("id", "in", inIds)], ["product_id"], ct: ct);
                return rows.Select(r => OdooValues.Many2OneId(r, "product_id")).OfType<long>().Distinct().Order().ToArray();
        }
    }

    /// <summary>Attribute value (product.template.attribute.value) id → the variants linked to it, archived included,
    /// for a page of changed attribute values (one call). A price_extra change moves only the attribute value's
    /// write_date, never its variants', so this is how such a change reaches them.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<long>>> VariantsOfAttributeValuesAsync(
        IReadOnlyCollection<long> attributeValueIds, CancellationToken ct)
    {
        if (attributeValueIds.Count == 0) return new Dictionary<long, IReadOnlyList<long>>();
        var wanted = attributeValueIds.ToHashSet();
        var rows = await client.SearchReadAsync(Variant, [OdooDomain.Leaf(AttributeValuesField, "in", wanted.ToArray())],
            [AttributeValuesField], order: "id asc", context: SeeArchived, ct: ct);
        return rows
            .SelectMany(r => OdooValues.Ids(r, AttributeValuesField).Where(wanted.Contains).Select(value => (Value: value, Variant: OdooValues.Id(r))))
            .GroupBy(p => p.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(p => p.Variant).Distinct().ToArray());
    }

    /// <summary>Template id → its variants, for a page of changed templates (one call).</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<long>>> VariantsOfTemplatesAsync(
        IReadOnlyCollection<long> templateIds, CancellationToken ct)
    {
        if (templateIds.Count == 0) return new Dictionary<long, IReadOnlyList<long>>();
        var rows = await client.SearchReadAsync(Variant, [OdooDomain.Leaf("product_tmpl_id", "in", templateIds.ToArray())],
            ["product_tmpl_id"], order: "id asc", context: SeeArchived, ct: ct);
        return rows
            .GroupBy(r => OdooValues.Many2OneId(r, "product_tmpl_id") ?? 0)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(OdooValues.Id).ToArray());
    }
}
