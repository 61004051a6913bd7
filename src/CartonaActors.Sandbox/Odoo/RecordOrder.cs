namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// An <c>order</c> spec such as <c>"write_date asc, id asc"</c> as a comparer; ties end on id, and empty values
/// sort last ascending like PostgreSQL's NULLS LAST.
/// </summary>
internal sealed class RecordOrder : IComparer<OdooRecord>
{
    private readonly (string Field, bool Descending)[] _keys;

    private RecordOrder((string, bool)[] keys) => _keys = keys;

    /// <summary>Ordered by id ascending only (Odoo's default order here).</summary>
    public bool IsIdAscending => _keys is [("id", false)];

    public static RecordOrder Parse(OdooModel model, string? order)
    {
        if (string.IsNullOrWhiteSpace(order)) return new([("id", false)]);
        var keys = order.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var field = model.Find(words[0]);
            if (field is null || (!field.IsStored && field.Name != "id") || field.Type == OdooFieldType.X2Many || words.Length > 2 ||
                (words.Length == 2 && words[1].ToLowerInvariant() is not ("asc" or "desc")))
                throw OdooFault.Value($"Invalid \"order\" specified ({order}).");
            return (field.Name, words.Length == 2 && words[1].Equals("desc", StringComparison.OrdinalIgnoreCase));
        }).ToArray();
        return new(keys);
    }

    public int Compare(OdooRecord? x, OdooRecord? y)
    {
        foreach (var (field, descending) in _keys)
        {
            var result = CompareValues(x![field], y![field]);
            if (result != 0) return descending ? -result : result;
        }
        return x!.Id.CompareTo(y!.Id);
    }

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => System.Collections.Comparer.Default.Compare(a, b),
    };
}
