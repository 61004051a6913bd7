namespace CartonaActors.Sandbox.Odoo;

/// <summary>The rows of one model plus reverse indexes of its indexed many2one fields. Not thread-safe: the
/// store's lock guards it.</summary>
internal sealed class ModelTable(OdooModel model)
{
    private readonly Dictionary<long, OdooRecord> _rows = [];
    private readonly SortedSet<long> _ids = [];
    private readonly Dictionary<string, Dictionary<long, HashSet<long>>> _indexes =
        model.Fields.Values.Where(f => f.Indexed).ToDictionary(f => f.Name, _ => new Dictionary<long, HashSet<long>>());
    private long _lastId;

    public OdooModel Model { get; } = model;

    public IEnumerable<OdooRecord> Rows => _rows.Values;

    public int Count => _rows.Count;

    public long NextId() => ++_lastId;

    public OdooRecord? Find(long id) => _rows.GetValueOrDefault(id);

    public IEnumerable<OdooRecord> AscendingFrom(long minId) =>
        minId > _lastId ? [] : _ids.GetViewBetween(minId, long.MaxValue).Select(id => _rows[id]);

    public IEnumerable<OdooRecord> Referencing(string field, long targetId)
    {
        if (!_indexes.TryGetValue(field, out var index))
            return _rows.Values.Where(r => r[field] is long id && id == targetId);
        return index.TryGetValue(targetId, out var ids) ? ids.Select(id => _rows[id]) : [];
    }

    public void Put(OdooRecord record)
    {
        if (_rows.TryGetValue(record.Id, out var old)) Unindex(old);
        _rows[record.Id] = record;
        _ids.Add(record.Id);
        _lastId = Math.Max(_lastId, record.Id);
        foreach (var (field, index) in _indexes)
        {
            if (record[field] is not long target) continue;
            if (!index.TryGetValue(target, out var ids)) index[target] = ids = [];
            ids.Add(record.Id);
        }
    }

    public void Remove(long id)
    {
        if (!_rows.Remove(id, out var old)) return;
        _ids.Remove(id);
        Unindex(old);
    }

    private void Unindex(OdooRecord record)
    {
        foreach (var (field, index) in _indexes)
            if (record[field] is long target && index.TryGetValue(target, out var ids)) ids.Remove(record.Id);
    }
}
