namespace CartonaActors.Domain.SyncLog;

/// <summary>
/// One line of the sync log, as an operator reads it. <see cref="Pushed"/> is the number of items a delivered bulk
/// call carried (zero for every other row): the dashboard's pushes per minute are summed from it.
/// </summary>
public sealed record SyncLogRow(
    DateTimeOffset At,
    string Level,
    string Kind,
    string? Connection,
    string? ProductId,
    string? OrderId,
    string Outcome,
    string Message,
    int Pushed = 0);

/// <summary>The three levels a row has; anything else is refused by the API.</summary>
public static class SyncLogLevel
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Error = "error";

    public static readonly IReadOnlyList<string> All = [Info, Warning, Error];
}
