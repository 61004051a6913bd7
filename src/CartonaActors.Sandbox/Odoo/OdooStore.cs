namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// The emulated database: a registry of models and their committed rows. One lock serialises access; a reader
/// takes it for the length of one ORM call (like one PostgreSQL snapshot), a transaction only to stage and to
/// commit, never while its webhooks are in flight.
/// </summary>
public sealed class OdooStore : IRecordSource
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ModelTable> _tables = new(StringComparer.Ordinal);

    /// <summary>Serialises sales transactions (orders, lines, pickings) from the reads they decide on to their
    /// commit, standing in for the row locks Odoo takes. Held across webhook POSTs, as Odoo holds its locks.</summary>
    internal SemaphoreSlim SalesGate { get; } = new(1, 1);

    /// <summary>Registered models by name. Register every model before it is called: registration is not meant to
    /// race with calls.</summary>
    public IReadOnlyDictionary<string, OdooModel> Models => _tables.ToDictionary(t => t.Key, t => t.Value.Model);

    /// <summary>Adds a model; registering a name again replaces its definition and drops its records.</summary>
    public void Register(OdooModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (_gate) _tables[model.Name] = new ModelTable(model);
    }

    /// <summary>The model's definition; an Odoo KeyError fault when unknown.</summary>
    internal OdooModel Model(string name) =>
        _tables.TryGetValue(name, out var table) ? table.Model : throw OdooFault.UnknownModel(name);

    internal bool HasModel(string name) => _tables.ContainsKey(name);

    /// <summary>Runs <paramref name="read"/> on a consistent view of committed data.</summary>
    public T Read<T>(Func<IRecordSource, T> read)
    {
        lock (_gate) return read(this);
    }

    /// <summary>Number of records of a model, archived included.</summary>
    public int Count(string model)
    {
        lock (_gate) return Table(model).Count;
    }

    internal T Mutate<T>(Func<IRecordTarget, T> change)
    {
        lock (_gate) return change(new Writer(this));
    }

    internal long NextId(string model)
    {
        lock (_gate) return Table(model).NextId();
    }

    OdooRecord? IRecordSource.Find(string model, long id) => Table(model).Find(id);

    /// <summary>Committed records with an id at or above <paramref name="minId"/>, in id order, read lazily: only
    /// inside <see cref="Read{T}"/>.</summary>
    internal IEnumerable<OdooRecord> AscendingFrom(string model, long minId) => Table(model).AscendingFrom(minId);

    IEnumerable<OdooRecord> IRecordSource.All(string model) => Table(model).Rows;

    IEnumerable<OdooRecord> IRecordSource.Referencing(string model, string field, long targetId) =>
        Table(model).Referencing(field, targetId);

    private ModelTable Table(string model) =>
        _tables.TryGetValue(model, out var table) ? table : throw OdooFault.UnknownModel(model);

    /// <summary>Write access, only handed out under the lock.</summary>
    private sealed class Writer(OdooStore store) : IRecordTarget
    {
        public OdooRecord? Find(string model, long id) => store.Table(model).Find(id);

        public IEnumerable<OdooRecord> All(string model) => store.Table(model).Rows;

        public IEnumerable<OdooRecord> Referencing(string model, string field, long targetId) =>
            store.Table(model).Referencing(field, targetId);

        public void Put(string model, OdooRecord record) => store.Table(model).Put(record);

        public void Remove(string model, long id) => store.Table(model).Remove(id);
    }
}
