namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// The changes of one Odoo transaction, recorded as operations and applied twice: to a staging view (so webhooks
/// can read the new values before commit, as Odoo 18 does) and, unless rolled back, to the store at commit.
/// Every created or written record gets <see cref="Now"/> — the transaction's start — as write_date, and so do
/// records whose write_date depends on them (a template's variants).
/// </summary>
public sealed class OdooTransaction
{
    private readonly OdooStore _store;
    private readonly List<Action<IRecordTarget, List<(string, long)>>> _operations = [];

    internal OdooTransaction(OdooStore store, DateTime now, long uid)
    {
        _store = store;
        Now = now;
        Uid = uid;
    }

    /// <summary>Transaction start (UTC, microseconds): create_date / write_date of what it touches.</summary>
    public DateTime Now { get; }

    /// <summary>The user the transaction runs as (for error messages).</summary>
    public long Uid { get; }

    internal bool IsEmpty => _operations.Count == 0;

    /// <summary>Creates a record; its id is reserved now (a rolled-back id is not reused, like a sequence).</summary>
    public long Create(string model, IReadOnlyDictionary<string, object?> values)
    {
        var definition = _store.Model(model);
        var stored = StoredValues(definition, values);
        var id = _store.NextId(model);
        _operations.Add((target, changed) =>
        {
            var row = definition.Fields.Values.Where(f => f.IsStored).ToDictionary(f => f.Name, f => f.Default);
            foreach (var (name, value) in stored) row[name] = value;
            row["create_date"] = Now;
            row["write_date"] = Now;
            target.Put(model, new OdooRecord(id, row));
            changed.Add((model, id));
        });
        return id;
    }

    /// <summary>Writes the same values on every given record; a missing one fails the transaction (MissingError).</summary>
    public void Write(string model, IReadOnlyCollection<long> ids, IReadOnlyDictionary<string, object?> values)
    {
        var definition = _store.Model(model);
        var stored = StoredValues(definition, values);
        stored["write_date"] = Now;
        var targets = ids.ToArray();
        _operations.Add((target, changed) =>
        {
            EnsureExist(target, model, targets);
            foreach (var id in targets)
            {
                var updated = target.Find(model, id)!.With(stored);
                target.Put(model, updated);
                changed.Add((model, id));
                // Materialised first: putting the dependents changes the index being enumerated.
                foreach (var (dependentModel, dependentId) in definition.Dependents?.Invoke(updated, target).ToArray() ?? [])
                {
                    if (target.Find(dependentModel, dependentId) is not { } dependent) continue;
                    target.Put(dependentModel, dependent.With([new("write_date", Now)]));
                    changed.Add((dependentModel, dependentId));
                }
            }
        });
    }

    /// <summary>Deletes records; a missing one fails the transaction (MissingError).</summary>
    public void Unlink(string model, IReadOnlyCollection<long> ids)
    {
        _store.Model(model);
        var targets = ids.ToArray();
        _operations.Add((target, _) =>
        {
            EnsureExist(target, model, targets);
            foreach (var id in targets) target.Remove(model, id);
        });
    }

    /// <summary>Applies every operation to <paramref name="target"/>; returns the created/written records, in order,
    /// each once.</summary>
    internal IReadOnlyList<(string Model, long Id)> ApplyTo(IRecordTarget target)
    {
        var changed = new List<(string, long)>();
        foreach (var operation in _operations) operation(target, changed);
        return changed.Distinct().ToArray();
    }

    private void EnsureExist(IRecordSource source, string model, long[] ids)
    {
        var missing = ids.Where(id => source.Find(model, id) is null).ToArray();
        if (missing.Length > 0) throw OdooFault.Missing(model, missing, Uid);
    }

    private static Dictionary<string, object?> StoredValues(OdooModel model, IReadOnlyDictionary<string, object?> values)
    {
        var stored = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var field = model.Find(name) ?? throw OdooFault.InvalidField(model.Name, name);
            // Odoo ignores writes to computed fields without an inverse, and to the magic columns.
            if (!field.IsStored || name is "id" or "create_date" or "write_date") continue;
            stored[name] = FieldValues.ToStored(field, value);
        }
        return stored;
    }
}
