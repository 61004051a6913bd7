using System.Globalization;
using CartonaActors.Sandbox.Shopify.GraphQL;

namespace CartonaActors.Sandbox.Shopify.Schema;

/// <summary>Reads argument values of the plain value model with the coercion errors GraphQL would give.</summary>
internal static class Inputs
{
    public static IReadOnlyDictionary<string, object?> Map(object? value, string name) =>
        value as IReadOnlyDictionary<string, object?> ?? (value is Dictionary<string, object?> d ? d : null)
        ?? throw new GqlException($"Argument '{name}' must be an input object", "argumentLiteralsIncompatible");

    public static IReadOnlyList<object?> List(object? value, string name) => value switch
    {
        null => [],
        IReadOnlyList<object?> list => list,
        _ => [value], // GraphQL input coercion: a single value stands for a one-element list
    };

    public static string? String(IReadOnlyDictionary<string, object?> map, string name) =>
        map.TryGetValue(name, out var v) ? v?.ToString() : null;

    public static long? Integer(object? value) => value switch
    {
        null => null,
        long l => l,
        double d when d == Math.Floor(d) => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => throw new GqlException($"Expected an Int, got {value}", "argumentLiteralsIncompatible"),
    };

    /// <summary>Money/Decimal input: a decimal string (numbers accepted too); null when not a decimal.</summary>
    public static decimal? Decimal(object? value) => value switch
    {
        string s when decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var m) => m,
        long l => l,
        double d => (decimal)d,
        _ => null,
    };

    /// <summary>The largest list anywhere inside an argument value, for Shopify's input-array cap.</summary>
    public static int LargestList(object? value) => value switch
    {
        IReadOnlyList<object?> list => Math.Max(list.Count, list.Count == 0 ? 0 : list.Max(LargestList)),
        IReadOnlyDictionary<string, object?> map => map.Count == 0 ? 0 : map.Values.Max(LargestList),
        _ => 0,
    };
}
