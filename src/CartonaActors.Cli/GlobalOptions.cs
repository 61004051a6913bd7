using System.CommandLine;

namespace CartonaActors.Cli;

/// <summary>Options every command takes: where the service is, its admin token, and the output form.</summary>
public static class GlobalOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static readonly Option<string> Url = new("--url")
    {
        Description = "The service's base URL (default: $CARTONACTL_URL, else " + DefaultUrl + ")",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CARTONACTL_URL") is { Length: > 0 } url ? url : DefaultUrl,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "The admin token, needed when the service listens beyond loopback (default: $CARTONACTL_TOKEN)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CARTONACTL_TOKEN"),
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the service's JSON instead of tables (for scripts)",
        Recursive = true,
    };

    public static readonly Option<int> Timeout = new("--timeout")
    {
        Description = "Seconds to wait for each answer (default 30)",
        Recursive = true,
        DefaultValueFactory = _ => 30,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Url);
        root.Options.Add(Token);
        root.Options.Add(Json);
        root.Options.Add(Timeout);
    }
}
