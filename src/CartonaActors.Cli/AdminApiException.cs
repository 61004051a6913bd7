namespace CartonaActors.Cli;

/// <summary>A call to the admin API that did not give an answer to show; carries the exit code it means.</summary>
public sealed class AdminApiException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
