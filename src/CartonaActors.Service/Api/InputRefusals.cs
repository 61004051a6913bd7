using Akka.Actor;
using Akka.Hosting;
using CartonaActors.Domain.SyncLog;
using CartonaActors.Engine;

namespace CartonaActors.Service.Api;

/// <summary>Where the endpoints report what they refused: told to the cluster's refusal recorder, which journals
/// it for the sync log. Fire-and-forget: an answer to a bad request never waits for the journal.</summary>
public sealed class InputRefusals(ActorRegistry registry)
{
    public void Refused(string? subject, string reason) =>
        registry.Get<SyncLogRegion>().Tell(InputRefused.Of(subject, reason, DateTimeOffset.UtcNow), ActorRefs.NoSender);
}
