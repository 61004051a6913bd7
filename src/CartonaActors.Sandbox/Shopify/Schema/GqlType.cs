using CartonaActors.Sandbox.Shopify.GraphQL;

namespace CartonaActors.Sandbox.Shopify.Schema;

/// <summary>How a field is answered and what it costs: scalar/enum 0, object 1 + its selection, connection
/// 2 + first × (1 + one node's selection), the Shopify calculated-cost rules.</summary>
internal enum FieldKind
{
    Scalar,
    Object,
    Connection,
}

/// <summary>A field of an object type: its kind, the type of its value (objects, connection nodes) and how to
/// compute the value from the parent. A resolver returns a scalar, an entity (or a sequence of them for lists),
/// or a <see cref="Page"/> for a connection.</summary>
internal sealed record GqlField(string Name, FieldKind Kind, string? Type, Func<object, GqlSelection, GqlContext, object?> Resolve);

/// <summary>An object type of the emulated schema, named as Shopify names it so errors read the same.</summary>
internal sealed class GqlType(string name)
{
    private readonly Dictionary<string, GqlField> _fields = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public GqlType Scalar(string field, Func<object, object?> resolve) =>
        Add(new GqlField(field, FieldKind.Scalar, null, (parent, _, _) => resolve(parent)));

    public GqlType Scalar(string field, Func<object, GqlSelection, GqlContext, object?> resolve) =>
        Add(new GqlField(field, FieldKind.Scalar, null, resolve));

    public GqlType Object(string field, string type, Func<object, object?> resolve) =>
        Add(new GqlField(field, FieldKind.Object, type, (parent, _, _) => resolve(parent)));

    public GqlType Object(string field, string type, Func<object, GqlSelection, GqlContext, object?> resolve) =>
        Add(new GqlField(field, FieldKind.Object, type, resolve));

    public GqlType Connection(string field, string nodeType, Func<object, GqlSelection, GqlContext, Page> resolve) =>
        Add(new GqlField(field, FieldKind.Connection, nodeType, resolve));

    public bool TryGet(string field, out GqlField definition) => _fields.TryGetValue(field, out definition!);

    private GqlType Add(GqlField field)
    {
        _fields[field.Name] = field;
        return this;
    }
}

/// <summary>One page of a connection: the nodes, their cursors, and whether more follow or precede.</summary>
internal sealed record Page(IReadOnlyList<object> Nodes, IReadOnlyList<string> Cursors, bool HasNextPage, bool HasPreviousPage)
{
    public static Page Of<T>(IReadOnlyList<T> all, int first, string? after, Func<T, string> cursor) where T : notnull
    {
        var start = 0;
        if (after is not null)
        {
            var index = all.Select(cursor).ToList().IndexOf(after);
            if (index < 0) throw new GqlException("Invalid cursor for current pagination sort.", "BAD_REQUEST");
            start = index + 1;
        }
        var nodes = all.Skip(start).Take(first).ToList();
        return new Page(nodes.Cast<object>().ToList(), nodes.Select(cursor).ToList(), start + nodes.Count < all.Count, start > 0);
    }
}
