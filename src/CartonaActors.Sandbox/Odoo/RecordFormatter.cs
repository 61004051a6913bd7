namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// <c>read()</c>'s output for one record: <c>id</c> then the asked fields, empty values as <c>false</c>,
/// many2one as <c>[id, display_name]</c> (default load) or a bare id (<c>load=None</c>), computed fields
/// evaluated against the caller's view and context.
/// </summary>
internal sealed class RecordFormatter(OdooStore store, OdooModel model, IReadOnlyList<OdooField> fields, bool classicLoad)
{
    /// <summary>Resolves <paramref name="names"/> (empty = every readable field); unknown names are a ValueError.</summary>
    public static IReadOnlyList<OdooField> Resolve(OdooModel model, IReadOnlyList<string> names) =>
        names.Count == 0
            ? model.Readable().ToArray()
            : names.Select(n => model.Find(n) ?? throw OdooFault.InvalidField(model.Name, n)).ToArray();

    public List<KeyValuePair<string, object?>> Format(OdooRecord record, OdooComputeContext context)
    {
        var output = new List<KeyValuePair<string, object?>>(fields.Count + 1) { new("id", record.Id) };
        foreach (var field in fields)
        {
            if (field.Name == "id") continue;
            output.Add(new(field.Name, Value(record, field, context)));
        }
        return output;
    }

    private object? Value(OdooRecord record, OdooField field, OdooComputeContext context)
    {
        var raw = field.Name == "display_name" ? model.DisplayName(record, context.Source)
            : field.Compute is { } compute ? compute(record, context)
            : record[field.Name];
        if (raw is null) return false;
        if (field.Type != OdooFieldType.Many2One || !classicLoad) return raw;
        var id = (long)raw;
        var target = field.Relation is { } relation && store.HasModel(relation) ? context.Source.Find(relation, id) : null;
        var name = target is null ? "" : store.Model(field.Relation!).DisplayName(target, context.Source);
        return new object?[] { id, name };
    }
}
