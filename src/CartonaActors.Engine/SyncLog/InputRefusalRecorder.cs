using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using CartonaActors.Domain.SyncLog;
using CartonaActors.Engine.Hosting;

namespace CartonaActors.Engine.SyncLog;

/// <summary>
/// Journals every <see cref="InputRefused"/> it is told (fire-and-forget from the endpoints, never awaited), so
/// refused input reaches the sync log like any other fact. Write-only: it replays nothing on start (its events are
/// read by the projection, not by itself) and writes without stashing, so the journal batches a burst. A flood beyond
/// <see cref="MaxInFlight"/> unwritten refusals is counted and dropped: hostile traffic must not grow its mailbox.
/// </summary>
public sealed class InputRefusalRecorder : ReceivePersistentActor
{
    public const string Id = "input-refusals";
    private const int MaxInFlight = 1_000;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private int _inFlight;
    private long _dropped;

    public static Props PropsFor() => Props.Create(() => new InputRefusalRecorder());

    public InputRefusalRecorder()
    {
        (JournalPluginId, SnapshotPluginId) = JournalPlugins.Of(Context.System);
        Command<InputRefused>(refused =>
        {
            if (_inFlight >= MaxInFlight)
            {
                if (_dropped++ % MaxInFlight == 0)
                    _log.Warning("Refused input arrives faster than it is journaled: {Dropped} refusals not in the sync log so far", _dropped);
                return;
            }
            _inFlight++;
            PersistAsync(refused, _ => _inFlight--);
        });
        Command<StopEntity>(_ => Context.Stop(Self));
    }

    public override string PersistenceId => "sync-log-" + Id;

    /// <summary>Only the highest sequence number is read on start, not the refusals themselves.</summary>
    public override Recovery Recovery => new(SnapshotSelectionCriteria.None, 0);

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // The refusal was answered and logged already; only its sync log row is lost.
        _log.Warning(cause, "A refused input could not be journaled for the sync log");
        base.OnPersistFailure(cause, @event, sequenceNr);
    }
}
