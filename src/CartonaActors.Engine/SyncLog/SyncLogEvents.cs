using Akka;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams.Dsl;

namespace CartonaActors.Engine.SyncLog;

/// <summary>
/// The events the sync log is made of, in journal order, after a stored position: those tagged
/// <see cref="SyncLogTagger.Tag"/>, and before them, until the backfill has handed over once, every event of the
/// journal. A journal written before its events were tagged (an upgrade from a release without this log) holds
/// history the tag query never returns; the tag query's offsets are the same journal positions, so the backfill
/// reads on from the stored position, passes over what makes no rows, and hands over to the tag where it stopped.
/// </summary>
public static class SyncLogEvents
{
    /// <summary>Stands in the stream, at the position where the backfill handed over, for the batch that must mark it.</summary>
    public sealed class BackfillHandedOver
    {
        public static readonly BackfillHandedOver Instance = new();
    }

    public static Source<EventEnvelope, NotUsed> After(SqlReadJournal journal, long from, bool backfill, ILoggingAdapter log) =>
        (backfill ? Backfill(journal, from, log) : Tagged(journal, from)).Via(Once(from));

    private static Source<EventEnvelope, NotUsed> Tagged(SqlReadJournal journal, long from) =>
        journal.EventsByTag(SyncLogTagger.Tag, Offset.Sequence(from));

    private static Source<EventEnvelope, NotUsed> Backfill(SqlReadJournal journal, long from, ILoggingAdapter log)
    {
        var read = from;
        log.Info("Sync log backfill: reading every journal event after position {Ordering} once, for history written before the log", from);
        return journal.CurrentAllEvents(Offset.Sequence(from))
            .Select(e =>
            {
                if (e.Offset is Sequence s) Volatile.Write(ref read, s.Value); // in journal order: the last is the highest
                return e;
            })
            // Made once the journal's events are read (not when the stream is built): the hand-over position is known then.
            .Concat(Source.Single(NotUsed.Instance).ConcatMany(_ =>
            {
                var at = Volatile.Read(ref read);
                log.Info("Sync log backfill read the journal up to position {Ordering}; following the tagged events from there", at);
                return Source.Single(new EventEnvelope(Offset.Sequence(at), "", 0, BackfillHandedOver.Instance, 0, []))
                    .Concat(Tagged(journal, at));
            }));
    }

    /// <summary>Only events past every journal position passed on before: the query contract calls an offset
    /// exclusive, and the backfill's two queries may overlap where one hands over to the other.</summary>
    private static Flow<EventEnvelope, EventEnvelope, NotUsed> Once(long from)
    {
        var high = from;
        return Flow.Create<EventEnvelope>().Where(e =>
        {
            if (e.Offset is not Sequence s) return false;
            if (e.Event is BackfillHandedOver) return true;
            if (s.Value <= high) return false;
            high = s.Value;
            return true;
        });
    }
}
