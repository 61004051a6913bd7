using System.Collections;
using System.Globalization;
using System.Text.Json;

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

    /// <summary>Reads committed data — what other transactions see, not this one's staged changes. For model hooks
    /// and helpers that decide what to change.</summary>
    public T Read<T>(Func<IRecordSource, T> read) => _store.Read(read);

    /// <summary>Creates a record; its id is reserved now (a rolled-back id is not reused, like a sequence). One2many
    /// values are x2many commands on the children (see <see cref="ApplyCommands"/>).</summary>
    public long Create(string model, IReadOnlyDictionary<string, object?> values)
    {
        var definition = _store.Model(model);
        var (stored, commands, edits) = Split(definition, values);
        var id = _store.NextId(model);
        _operations.Add((target, changed) =>
        {
            var row = definition.Fields.Values.Where(f => f.IsStored).ToDictionary(f => f.Name, f => f.Default);
            foreach (var (name, value) in stored) row[name] = value;
            foreach (var (name, edit) in edits) row[name] = edit([]);
            if (definition.CreateDefaults is { } defaults)
                foreach (var (name, value) in defaults(new OdooRecord(id, row), Now, target))
                    if (!stored.ContainsKey(name)) row[name] = value;
            row["create_date"] = Now;
            row["write_date"] = Now;
            var record = new OdooRecord(id, row);
            target.Put(model, record);
            changed.Add((model, id));
            TouchDependents(definition, record, target, changed);
        });
        definition.OnCreate?.Invoke(this, id, values);
        foreach (var (field, value) in commands) ApplyCommands(field, id, value);
        return id;
    }

    /// <summary>Writes the same values on every given record; a missing one fails the transaction (MissingError).
    /// One2many values are x2many commands applied to each record's children.</summary>
    public void Write(string model, IReadOnlyCollection<long> ids, IReadOnlyDictionary<string, object?> values)
    {
        var definition = _store.Model(model);
        var (stored, commands, edits) = Split(definition, values);
        var targets = ids.ToArray();
        definition.OnWrite?.Invoke(this, targets, values);
        stored["write_date"] = Now;
        _operations.Add((target, changed) =>
        {
            EnsureExist(target, model, targets);
            foreach (var id in targets)
            {
                var current = target.Find(model, id)!;
                var updated = current.With(stored.Concat(Edited(current, edits)));
                target.Put(model, updated);
                changed.Add((model, id));
                TouchDependents(definition, updated, target, changed);
            }
        });
        foreach (var id in targets)
            foreach (var (field, value) in commands) ApplyCommands(field, id, value);
    }

    /// <summary>Writes values computed from the record as it is when the change lands (staging, then commit), like
    /// SQL's <c>SET x = x + n</c>: concurrent increments of other transactions are kept.</summary>
    public void Update(string model, long id, Func<OdooRecord, IReadOnlyDictionary<string, object?>> change)
    {
        var definition = _store.Model(model);
        _operations.Add((target, changed) =>
        {
            EnsureExist(target, model, [id]);
            var current = target.Find(model, id)!;
            var (stored, _, edits) = Split(definition, change(current));
            stored["write_date"] = Now;
            var updated = current.With(stored.Concat(Edited(current, edits)));
            target.Put(model, updated);
            changed.Add((model, id));
            TouchDependents(definition, updated, target, changed);
        });
    }

    /// <summary>Deletes records; a missing one fails the transaction (MissingError). Records whose write_date
    /// depends on them are touched.</summary>
    public void Unlink(string model, IReadOnlyCollection<long> ids)
    {
        var definition = _store.Model(model);
        var targets = ids.ToArray();
        if (targets.Length == 0) return;
        definition.OnUnlink?.Invoke(this, targets);
        _operations.Add((target, changed) =>
        {
            EnsureExist(target, model, targets);
            foreach (var id in targets)
            {
                TouchDependents(definition, target.Find(model, id)!, target, changed);
                target.Remove(model, id);
            }
        });
    }

    /// <summary>
    /// Odoo's x2many commands on a one2many of record <paramref name="parentId"/>: <c>[0, 0, vals]</c> create a child,
    /// <c>[1, id, vals]</c> write it, <c>[2, id, 0]</c> delete it, <c>[3, id, 0]</c> unlink it (deleted too: the
    /// emulator's inverses are required, ondelete cascade), <c>[4, id, 0]</c> link it, <c>[5, 0, 0]</c> delete every
    /// child, <c>[6, 0, ids]</c> keep exactly those. Children to clear are the committed ones.
    /// </summary>
    private void ApplyCommands(OdooField field, long parentId, object? value)
    {
        var relation = field.Relation!;
        var inverse = field.Inverse!;
        foreach (var command in X2ManyCommands(field, value))
        {
            var code = Convert.ToInt64(command[0], CultureInfo.InvariantCulture);
            var id = command.Count > 1 && command[1] is not (null or false) ? Convert.ToInt64(command[1], CultureInfo.InvariantCulture) : 0;
            var argument = command.Count > 2 ? command[2] : null;
            switch (code)
            {
                case 0:
                    var values = new Dictionary<string, object?>(CommandValues(field, argument)) { [inverse] = parentId };
                    Create(relation, values);
                    break;
                case 1:
                    Write(relation, [id], CommandValues(field, argument));
                    break;
                case 2 or 3:
                    Unlink(relation, [id]);
                    break;
                case 4:
                    Write(relation, [id], new Dictionary<string, object?> { [inverse] = parentId });
                    break;
                case 5:
                    Unlink(relation, Children(relation, inverse, parentId));
                    break;
                case 6:
                    var keep = (FieldValues.ToStored(new OdooField(field.Name, OdooFieldType.X2Many), argument) as long[] ?? []).ToHashSet();
                    Unlink(relation, Children(relation, inverse, parentId).Where(c => !keep.Contains(c)).ToArray());
                    if (keep.Count > 0) Write(relation, keep, new Dictionary<string, object?> { [inverse] = parentId });
                    break;
                default:
                    throw OdooFault.Value($"Invalid x2many command {code} for field '{field.Name}'");
            }
        }
    }

    private long[] Children(string relation, string inverse, long parentId) =>
        _store.Read(s => s.Referencing(relation, inverse, parentId).Select(r => r.Id).Order().ToArray());

    private static IEnumerable<IList<object?>> X2ManyCommands(OdooField field, object? value)
    {
        if (value is JsonElement json) value = FieldValues.FromJson(json);
        if (value is null or false) yield break;
        if (value is string || value is not IEnumerable list) throw OdooFault.Value($"Wrong value for {field.Name}: {value}");
        foreach (var item in list)
        {
            var command = item is JsonElement j ? FieldValues.FromJson(j) : item;
            if (command is string || command is not IEnumerable parts) throw OdooFault.Value($"Invalid x2many command for field '{field.Name}': {command}");
            var asList = parts.Cast<object?>().Select(p => p is JsonElement e && e.ValueKind != JsonValueKind.Object ? FieldValues.FromJson(e) : p).ToList();
            if (asList.Count == 0 || asList[0] is not (long or int or decimal)) throw OdooFault.Value($"Invalid x2many command for field '{field.Name}'");
            yield return asList;
        }
    }

    private static IReadOnlyDictionary<string, object?> CommandValues(OdooField field, object? argument) => argument switch
    {
        JsonElement { ValueKind: JsonValueKind.Object } json => json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone()),
        IReadOnlyDictionary<string, object?> values => values,
        _ => throw OdooFault.Value($"Invalid x2many command values for field '{field.Name}'"),
    };

    // Odoo's stored computes over this record (e.g. a variant's write_date over its template's): their write_date moves.
    private void TouchDependents(OdooModel definition, OdooRecord record, IRecordTarget target, List<(string, long)> changed)
    {
        // Materialised first: putting the dependents changes the index being enumerated.
        foreach (var (dependentModel, dependentId) in definition.Dependents?.Invoke(record, target).ToArray() ?? [])
        {
            if (target.Find(dependentModel, dependentId) is not { } dependent) continue;
            target.Put(dependentModel, dependent.With([new("write_date", Now)]));
            changed.Add((dependentModel, dependentId));
        }
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

    // A stored many2many's new ids, from the record as the change lands (so [4, id] keeps concurrent links).
    private static IEnumerable<KeyValuePair<string, object?>> Edited(OdooRecord current, List<(string Name, Func<long[], long[]> Edit)> edits) =>
        edits.Select(e => new KeyValuePair<string, object?>(e.Name, e.Edit(current[e.Name] as long[] ?? [])));

    private static (Dictionary<string, object?> Stored, List<(OdooField Field, object? Value)> Commands,
        List<(string Name, Func<long[], long[]> Edit)> Edits) Split(OdooModel model, IReadOnlyDictionary<string, object?> values)
    {
        var stored = new Dictionary<string, object?>(StringComparer.Ordinal);
        var commands = new List<(OdooField, object?)>();
        var edits = new List<(string, Func<long[], long[]>)>();
        foreach (var (name, value) in values)
        {
            var field = model.Find(name) ?? throw OdooFault.InvalidField(model.Name, name);
            if (field.IsOne2Many)
            {
                commands.Add((field, value));
                continue;
            }
            if (field.IsMany2Many)
            {
                edits.Add((name, FieldValues.Many2ManyEdit(field, value)));
                continue;
            }
            // Odoo ignores writes to computed fields without an inverse, and to the magic columns.
            if (!field.IsStored || name is "id" or "create_date" or "write_date") continue;
            stored[name] = FieldValues.ToStored(field, value);
        }
        return (stored, commands, edits);
    }
}
