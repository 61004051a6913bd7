using System.Text.RegularExpressions;

namespace CartonaActors.Engine.Configuration;

/// <summary>The product's own name in kebab case, from its assemblies' root namespace: what the actor system
/// and the default SQLite journal file have always been called, so existing clusters and journals stay found.</summary>
public static partial class ProductName
{
    public static readonly string Kebab =
        Words().Replace(typeof(ProductName).Assembly.GetName().Name!.Split('.')[0], "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex Words();
}
