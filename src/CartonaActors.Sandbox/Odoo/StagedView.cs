namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// A transaction's private view: committed rows overlaid with its own inserts, replacements and deletions.
/// Webhook payloads are read from here, so they carry the new values while other readers still see the old ones.
/// </summary>
internal sealed class StagedView(IRecordSource committed) : IRecordTarget
{
    private readonly Dictionary<(string Model, long Id), OdooRecord?> _staged = [];

    public OdooRecord? Find(string model, long id) =>
        _staged.TryGetValue((model, id), out var staged) ? staged : committed.Find(model, id);

    public IEnumerable<OdooRecord> All(string model) => Overlay(model, committed.All(model), _ => true);

    public IEnumerable<OdooRecord> Referencing(string model, string field, long targetId) =>
        Overlay(model, committed.Referencing(model, field, targetId), r => r[field] is long id && id == targetId);

    public void Put(string model, OdooRecord record) => _staged[(model, record.Id)] = record;

    public void Remove(string model, long id) => _staged[(model, id)] = null;

    private IEnumerable<OdooRecord> Overlay(string model, IEnumerable<OdooRecord> rows, Func<OdooRecord, bool> matches)
    {
        var seen = new HashSet<long>();
        foreach (var row in rows)
        {
            seen.Add(row.Id);
            if (!_staged.TryGetValue((model, row.Id), out var staged)) yield return row;
            else if (staged is not null && matches(staged)) yield return staged;
        }
        foreach (var ((stagedModel, id), staged) in _staged)
            if (stagedModel == model && staged is not null && !seen.Contains(id) && matches(staged)) yield return staged;
    }
}
