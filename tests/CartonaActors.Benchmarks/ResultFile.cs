using System.Globalization;
using System.Text;

namespace CartonaActors.Benchmarks;

/// <summary>
/// One run's record: everything written to <see cref="Writer"/> goes to standard output as it happens and, on
/// <see cref="Save"/>, to <c>&lt;folder&gt;/&lt;date&gt;-&lt;scenario&gt;-&lt;db&gt;.md</c> ending with the line
/// <c>RESULT key=value ...</c> that scripts compare runs by.
/// </summary>
public sealed class ResultFile(string folder, string scenario, string database)
{
    private readonly StringWriter _text = new(CultureInfo.InvariantCulture);
    private readonly List<(string Key, string Value)> _results = [];

    public TextWriter Writer => field ??= new Tee(Console.Out, _text);

    public void Add(string key, double value, string format = "0.##") => _results.Add((key, value.ToString(format, CultureInfo.InvariantCulture)));

    public void Add(string key, string value) => _results.Add((key, value.Replace(' ', '_')));

    public string ResultLine => "RESULT " + string.Join(' ', _results.Select(r => $"{r.Key}={r.Value}"));

    /// <summary>Writes the file; returns its path.</summary>
    public string Save()
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.Now:yyyy-MM-dd-HHmmss}-{scenario}-{database.ToLowerInvariant()}.md");
        var file = new StringBuilder()
            .AppendLine($"# {scenario} on {database}, {DateTime.Now:yyyy-MM-dd HH:mm}")
            .AppendLine()
            .AppendLine("```")
            .AppendLine(_text.ToString().TrimEnd())
            .AppendLine("```")
            .AppendLine()
            .AppendLine(ResultLine);
        File.WriteAllText(path, file.ToString());
        Console.Out.WriteLine(ResultLine);
        return path;
    }

    private sealed class Tee(TextWriter a, TextWriter b) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (this)
            {
                a.Write(value);
                b.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (this)
            {
                a.Write(value);
                b.Write(value);
            }
        }

        public override void WriteLine(string? value) => Write((value ?? "") + "\n");

        public override void Flush() => a.Flush();
    }
}
