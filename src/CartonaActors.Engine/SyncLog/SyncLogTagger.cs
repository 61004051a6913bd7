using System.Collections.Immutable;
using Akka.Persistence.Journal;
using CartonaActors.Domain.SyncLog;

namespace CartonaActors.Engine.SyncLog;

/// <summary>
/// Tags the events the sync log is made of as they are written, on every journal plugin, so the projection reads
/// them with one EventsByTag query. Bound only to <see cref="SyncLogRows.Sources"/>: the rest pass untouched.
/// </summary>
public sealed class SyncLogTagger : IWriteEventAdapter
{
    public const string Tag = "sync-log";
    private static readonly IImmutableSet<string> Tags = ImmutableHashSet.Create(Tag);

    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) => SyncLogRows.MakesRows(evt) ? new Tagged(evt, Tags) : evt;
}
