using System.Text;
using System.Text.RegularExpressions;

namespace CartonaActors.Benchmarks;

/// <summary>
/// Takes over Console.Out and Console.Error so the service's own log (Serilog writes to the console) goes to a
/// file instead of the report, while counting its warnings and errors and keeping a few distinct examples.
/// The report is written to the original standard output, <see cref="Report"/>.
/// </summary>
public sealed partial class LogCapture : TextWriter
{
    private const int Examples = 4;
    private readonly object _gate = new();
    private readonly StreamWriter _file;
    private readonly StringBuilder _line = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _examples = [];
    private readonly HashSet<string> _exampleKeys = new(StringComparer.Ordinal);

    public LogCapture(string path)
    {
        Path = path;
        _file = new StreamWriter(path, append: false, Encoding.UTF8) { AutoFlush = true };
        Report = Console.Out;
        Console.SetOut(this);
        Console.SetError(this);
    }

    public string Path { get; }
    public TextWriter Report { get; }
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _file.Write(value);
            if (value == '\n') EndLine();
            else _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            _file.Write(value);
            foreach (var c in value)
            {
                if (c == '\n') EndLine();
                else _line.Append(c);
            }
        }
    }

    public override void WriteLine(string? value) => Write((value ?? "") + "\n");

    /// <summary>Warning/error counts and examples since the last call, then forgets them.</summary>
    public LogSummary Take()
    {
        lock (_gate)
        {
            var summary = new LogSummary(
                _counts.GetValueOrDefault("WRN"), _counts.GetValueOrDefault("ERR") + _counts.GetValueOrDefault("FTL"), _examples.ToArray());
            _counts.Clear();
            _examples.Clear();
            _exampleKeys.Clear();
            return summary;
        }
    }

    private void EndLine()
    {
        var line = _line.ToString().TrimEnd('\r');
        _line.Clear();
        var match = LevelPattern().Match(line);
        if (!match.Success) return;
        var level = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value == "WARNING" ? "WRN" : "ERR";
        _counts[level] = _counts.GetValueOrDefault(level) + 1;
        var message = line[match.Length..].Trim();
        // Group examples by their first words so one repeated message does not crowd out the others.
        var key = level + string.Join(' ', DigitsPattern().Replace(message, "#").Split(' ').Take(6));
        if (_examples.Count < Examples && _exampleKeys.Add(key))
            _examples.Add($"{level} {(message.Length > 150 ? message[..150] + "…" : message)}");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Console.SetOut(Report);
            Console.SetError(Report);
            _file.Dispose();
        }
        base.Dispose(disposing);
    }

    // Serilog's template, or Akka's own standard-out logger before Serilog takes over.
    [GeneratedRegex(@"^\[(?:\d\d:\d\d:\d\d\.\d{3} (WRN|ERR|FTL)|(WARNING|ERROR))\]")]
    private static partial Regex LevelPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsPattern();
}

public sealed record LogSummary(int Warnings, int Errors, string[] Examples);
