namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// The definition of one emulated model: its fields, how its records are named, which other records a write
/// touches (stored computes such as a variant's write_date following its template) and any model-specific
/// public methods (<c>action_confirm</c>…) next to the ORM's generic ones.
/// </summary>
public sealed class OdooModel(string name)
{
    private readonly Dictionary<string, OdooField> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OdooMethod> _methods = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public IReadOnlyDictionary<string, OdooField> Fields => _fields;

    public IReadOnlyDictionary<string, OdooMethod> Methods => _methods;

    /// <summary>Has an <c>active</c> field, so <c>active_test</c> hides archived records from searches.</summary>
    public bool HasActive => _fields.ContainsKey("active");

    /// <summary>display_name of a record (default: its <c>name</c>, else <c>model,id</c>).</summary>
    public Func<OdooRecord, IRecordSource, string> DisplayName { get; set; } =
        (record, _) => record["name"] as string ?? $"{record.Id}";

    /// <summary>Records whose write_date a write of this record bumps (Odoo's stored computed write_date).</summary>
    public Func<OdooRecord, IRecordSource, IEnumerable<(string Model, long Id)>>? Dependents { get; set; }

    /// <summary>Values for stored fields a create did not give, computed when the record is inserted from the record
    /// as given (id included), the transaction's time and the records as that transaction sees them — Odoo's
    /// defaults, sequences and onchange-filled values.</summary>
    public Func<OdooRecord, DateTime, IRecordSource, IReadOnlyDictionary<string, object?>>? CreateDefaults { get; set; }

    /// <summary>Runs when a create is staged (record id, given values): may refuse (throw an <c>OdooFault</c> through
    /// <see cref="OdooTransaction"/> helpers) or add operations to the transaction, like an ORM override.</summary>
    public Action<OdooTransaction, long, IReadOnlyDictionary<string, object?>>? OnCreate { get; set; }

    /// <summary>Runs before a write is staged (ids, given values): may refuse or add operations.</summary>
    public Action<OdooTransaction, IReadOnlyList<long>, IReadOnlyDictionary<string, object?>>? OnWrite { get; set; }

    /// <summary>Runs before an unlink is staged (ids): may refuse or add operations.</summary>
    public Action<OdooTransaction, IReadOnlyList<long>>? OnUnlink { get; set; }

    public OdooModel Field(OdooField field)
    {
        _fields[field.Name] = field;
        return this;
    }

    public OdooModel Char(string field) => Field(new OdooField(field, OdooFieldType.Char));

    public OdooModel Float(string field, decimal @default = 0m) => Field(new OdooField(field, OdooFieldType.Float, Default: @default));

    public OdooModel Integer(string field, long @default = 0) => Field(new OdooField(field, OdooFieldType.Integer, Default: @default));

    public OdooModel Datetime(string field) => Field(new OdooField(field, OdooFieldType.Datetime));

    public OdooModel Boolean(string field, bool @default = false) => Field(new OdooField(field, OdooFieldType.Boolean, Default: @default));

    public OdooModel Many2One(string field, string relation, bool indexed = false, long? @default = null) =>
        Field(new OdooField(field, OdooFieldType.Many2One, relation, Default: @default, Indexed: indexed));

    public OdooModel Selection(string field, string? @default) => Field(new OdooField(field, OdooFieldType.Selection, Default: @default));

    /// <summary>A one2many: the <paramref name="relation"/> records whose <paramref name="inverse"/> many2one is this
    /// record, read as ids in id order; written with x2many commands.</summary>
    public OdooModel One2Many(string field, string relation, string inverse) =>
        Field(new OdooField(field, OdooFieldType.X2Many, relation, Inverse: inverse,
            Compute: (r, view) => view.Source.Referencing(relation, inverse, r.Id).Select(c => c.Id).Order().ToArray()));

    /// <summary>A stored many2many to <paramref name="relation"/>: ids kept on this record (Odoo's relation table),
    /// read as ids, searched with <c>in</c> / <c>=</c> meaning "contains any", written as ids or x2many commands.</summary>
    public OdooModel Many2Many(string field, string relation) =>
        Field(new OdooField(field, OdooFieldType.X2Many, relation, Default: Array.Empty<long>()));

    /// <summary>An <c>active</c> field defaulting to true.</summary>
    public OdooModel Active() => Boolean("active", true);

    public OdooModel Computed(string field, OdooFieldType type, OdooCompute compute, string? relation = null) =>
        Field(new OdooField(field, type, relation, Compute: compute));

    /// <summary>Adds (or overrides) a public method callable through execute_kw.</summary>
    public OdooModel Method(string method, OdooMethod handler)
    {
        _methods[method] = handler;
        return this;
    }

    /// <summary>A field by name, including the magic columns; null when the model has no such field.</summary>
    public OdooField? Find(string field) => field switch
    {
        "id" => IdField,
        "create_date" => CreateDateField,
        "write_date" => WriteDateField,
        "display_name" => DisplayNameField,
        _ => _fields.GetValueOrDefault(field),
    };

    /// <summary>Every readable field, magic ones included (the default when <c>fields</c> is empty).</summary>
    public IEnumerable<OdooField> Readable() =>
        new[] { IdField, DisplayNameField, CreateDateField, WriteDateField }.Concat(_fields.Values);

    private static readonly OdooField IdField = new("id", OdooFieldType.Integer);
    private static readonly OdooField CreateDateField = new("create_date", OdooFieldType.Datetime);
    private static readonly OdooField WriteDateField = new("write_date", OdooFieldType.Datetime);
    private static readonly OdooField DisplayNameField = new("display_name", OdooFieldType.Char, Compute: (_, _) => null);
}
