namespace CartonaActors.Sandbox.Shopify.GraphQL;

/// <summary>A top-level GraphQL error as Shopify writes it: message, optional path, extensions.code.</summary>
internal sealed record GqlError(string Message, string? Code, IReadOnlyList<object>? Path = null)
{
    /// <summary>Extra members of <c>extensions</c> besides <c>code</c> (e.g. typeName/fieldName).</summary>
    public IReadOnlyDictionary<string, string>? Extra { get; init; }
}

/// <summary>Raised while reading or executing a document; becomes one entry of <c>errors</c>.</summary>
internal sealed class GqlException(GqlError error) : Exception(error.Message)
{
    public GqlError Error { get; } = error;

    public GqlException(string message, string? code, IReadOnlyList<object>? path = null) : this(new GqlError(message, code, path)) { }
}
