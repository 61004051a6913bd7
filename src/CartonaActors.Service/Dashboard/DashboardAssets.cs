using System.Collections.Frozen;

namespace CartonaActors.Service.Dashboard;

/// <summary>The pages' script and style sheet, embedded in the assembly (Dashboard/Assets): no build step, no CDN.</summary>
public static class DashboardAssets
{
    private const string Prefix = "/dashboard-assets/";

    private static readonly FrozenDictionary<string, (string Type, byte[] Content)> Files = Load();

    public static string PathOf(string file) => Prefix + file;

    public static void MapDashboardAssets(this WebApplication app) =>
        app.MapGet(Prefix + "{file}", (string file) =>
            Files.TryGetValue(file, out var asset) ? Results.Bytes(asset.Content, asset.Type) : Results.NotFound(new { error = $"no asset {file}" }));

    private static FrozenDictionary<string, (string, byte[])> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        const string resourcePrefix = "CartonaActors.Service.Dashboard.Assets.";
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)).ToFrozenDictionary(
            n => n[resourcePrefix.Length..],
            n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return (n.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8", copy.ToArray());
            }, StringComparer.Ordinal);
    }
}
