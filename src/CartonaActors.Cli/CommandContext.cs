using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace CartonaActors.Cli;

/// <summary>What a command runs with: the admin API, where to write, and whether to write JSON.</summary>
public sealed class CommandContext(AdminApi api, bool json, IAnsiConsole console)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public AdminApi Api { get; } = api;
    public bool Json { get; } = json;
    public IAnsiConsole Console { get; } = console;

    public void WriteJson(object value) =>
        System.Console.Out.WriteLine(value is JsonElement e ? JsonSerializer.Serialize(e, Indented) : JsonSerializer.Serialize(value, Indented));

    /// <summary>Prints <paramref name="json"/> with --json, else renders it for a person; the command succeeded.</summary>
    public int Show(object json, Action human)
    {
        if (Json) WriteJson(json);
        else human();
        return ExitCodes.Ok;
    }

    /// <summary>Runs a command's body with its context; an API failure becomes a one-line error and its exit code.</summary>
    public static Action<Command> Runs(Func<ParseResult, CommandContext, CancellationToken, Task<int>> body) => command =>
        command.SetAction(async (parse, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(GlobalOptions.Url), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                System.Console.Error.WriteLine($"error: --url '{parse.GetValue(GlobalOptions.Url)}' is not an http(s) URL");
                return ExitCodes.Usage;
            }
            using var api = new AdminApi(url, parse.GetValue(GlobalOptions.Token), TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(GlobalOptions.Timeout))));
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) });
            if (System.Console.IsOutputRedirected) console.Profile.Width = 200; // scripts and tests read whole lines
            try
            {
                return await body(parse, new CommandContext(api, parse.GetValue(GlobalOptions.Json), console), ct);
            }
            catch (AdminApiException e)
            {
                System.Console.Error.WriteLine("error: " + e.Message);
                return e.ExitCode;
            }
        });
}
