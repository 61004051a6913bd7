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

    /// <summary>The adapter and its bindings on one journal plugin, as settings (the SQL plugin's hosting
    /// extension takes no adapters). Both plugins write the same tag table, so one query sees the tags of either.</summary>
    public static string Hocon(string journalPath)
    {
        var adapter = typeof(SyncLogTagger);
        var bindings = string.Join("\n", SyncLogRows.Sources.Select(t => $"  \"{t.FullName}, {t.Assembly.GetName().Name}\" = {Tag}"));
        return $"{journalPath}.event-adapters {{\n  {Tag} = \"{adapter.FullName}, {adapter.Assembly.GetName().Name}\"\n}}\n"
            + $"{journalPath}.event-adapter-bindings {{\n{bindings}\n}}";
    }

    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) => SyncLogRows.MakesRows(evt) ? new Tagged(evt, Tags) : evt;
}
