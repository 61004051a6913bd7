namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// One stored row: field name → value (see <see cref="OdooFieldType"/> for the C# types; null = empty / False).
/// Records are copy-on-write: a change builds a new record, so a reader holding one never sees it move.
/// </summary>
public sealed class OdooRecord
{
    private readonly Dictionary<string, object?> _values;

    internal OdooRecord(long id, Dictionary<string, object?> values)
    {
        Id = id;
        _values = values;
    }

    public long Id { get; }

    /// <summary>The stored fields (id, create_date and write_date included).</summary>
    public IReadOnlyDictionary<string, object?> Values => _values;

    /// <summary>A stored value, or null when empty or absent.</summary>
    public object? this[string field] => field == "id" ? Id : _values.GetValueOrDefault(field);

    public DateTime WriteDate => (DateTime)_values["write_date"]!;

    internal OdooRecord With(IEnumerable<KeyValuePair<string, object?>> changes)
    {
        var values = new Dictionary<string, object?>(_values);
        foreach (var (name, value) in changes) values[name] = value;
        return new OdooRecord(Id, values);
    }
}
