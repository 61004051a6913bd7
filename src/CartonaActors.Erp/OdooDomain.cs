namespace CartonaActors.Erp;

/// <summary>
/// Builds Odoo domains as the JSON the server expects: a list of leaves <c>[field, operator, value]</c> and prefix
/// operators <c>"&amp;"</c>, <c>"|"</c>, <c>"!"</c>, implicitly AND-ed.
/// </summary>
public static class OdooDomain
{
    /// <summary>The empty domain: every record.</summary>
    public static IReadOnlyList<object?> All { get; } = [];

    /// <summary>One condition, e.g. <c>Leaf("id", "&gt;", 42)</c>.</summary>
    public static object?[] Leaf(string field, string op, object? value) => [field, op, value];

    /// <summary>The given leaves and operators, in prefix order.</summary>
    public static IReadOnlyList<object?> Of(params object?[] items) => items;
}
