namespace CartonaActors.Sandbox.Shopify.GraphQL;

/// <summary>
/// One field of a parsed document after variables are substituted and fragments flattened: what the executor
/// and the cost calculator walk. <see cref="Key"/> is the alias when given, so answers respect aliases.
/// Argument values are plain .NET values: string, long, double, bool, null, lists and string-keyed maps
/// (enum values arrive as strings). A map lacks a key that was not written, so "absent" and "null" differ.
/// </summary>
internal sealed record GqlSelection(
    string Key,
    string Name,
    IReadOnlyDictionary<string, object?> Arguments,
    IReadOnlyList<GqlSelection> Selections,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> Directives)
{
    public object? Arg(string name) => Arguments.TryGetValue(name, out var value) ? value : null;

    public bool HasArg(string name) => Arguments.ContainsKey(name);
}

/// <summary>A document's chosen operation: its kind and its top-level fields, in document order.</summary>
internal sealed record GqlOperation(bool IsMutation, IReadOnlyList<GqlSelection> Fields);
