using System.Text.RegularExpressions;

namespace CartonaActors.Benchmarks;

/// <summary>Counts the warnings and errors in service log files (Serilog's console template, which the service
/// process writes to the file its launcher captures) and keeps a few distinct examples.</summary>
public static partial class ServiceLog
{
    private const int Examples = 4;

    public static LogSummary Summarize(IEnumerable<string> files)
    {
        int warnings = 0, errors = 0;
        var examples = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                var match = LevelPattern().Match(line);
                if (!match.Success) continue;
                var level = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value == "WARNING" ? "WRN" : "ERR";
                if (level == "WRN") warnings++;
                else errors++;
                var message = line[match.Length..].Trim();
                // Grouped by their first words so one repeated message does not crowd out the others.
                var key = level + string.Join(' ', DigitsPattern().Replace(message, "#").Split(' ').Take(6));
                if (examples.Count < Examples && keys.Add(key))
                    examples.Add($"{level} {(message.Length > 150 ? message[..150] + "…" : message)}");
            }
        }
        return new LogSummary(warnings, errors, examples.ToArray());
    }

    // Serilog's template, or Akka's own standard-out logger before Serilog takes over.
    [GeneratedRegex(@"^\[(?:\d\d:\d\d:\d\d\.\d{3} (WRN|ERR|FTL)|(WARNING|ERROR))\]")]
    private static partial Regex LevelPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsPattern();
}

public sealed record LogSummary(int Warnings, int Errors, string[] Examples);
