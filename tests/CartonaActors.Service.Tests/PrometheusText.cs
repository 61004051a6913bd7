using System.Globalization;
using System.Text.RegularExpressions;

namespace CartonaActors.Service.Tests;

/// <summary>Reads samples out of a Prometheus text scrape.</summary>
public static partial class PrometheusText
{
    /// <summary>The first sample <c>name{labels} value</c> carrying every label of <paramref name="labels"/> (the
    /// exporter adds its scope's), or with <paramref name="prefix"/> of any name starting so; null: none.</summary>
    public static double? Value(string text, string name, string labels, bool prefix = false)
    {
        foreach (Match m in Sample().Matches(text))
        {
            var sampleName = m.Groups["name"].Value;
            if (!(prefix ? sampleName.StartsWith(name, StringComparison.Ordinal) : sampleName == name)) continue;
            if (!LabelsOf(m.Groups["labels"].Value).IsSupersetOf(LabelsOf(labels))) continue;
            return double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static HashSet<string> LabelsOf(string labels) => [.. Label().Matches(labels).Select(m => m.Value)];

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [GeneratedRegex(@"[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\]|\\.)*""")]
    private static partial Regex Label();
}
