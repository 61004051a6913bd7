using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;

namespace CartonaActors.Engine.Marketplaces;

/// <summary>Stands in for a connection that is not (or no longer) configured: logs what it drops and stops.
/// Products only link to configured connections, so this shows a configuration removed under live listings.</summary>
public sealed class UnknownConnection : ReceiveActor
{
    public static Props PropsFor(string connectionId) => Props.Create(() => new UnknownConnection(connectionId));

    public UnknownConnection(string connectionId)
    {
        var log = Context.GetLogger();
        Receive<StopEntity>(_ => Context.Stop(Self));
        ReceiveAny(m =>
        {
            log.Warning("Dropped {MessageType} for connection {ConnectionId}, which is not configured", m.GetType().Name, connectionId);
            Context.Parent.Tell(new Passivate(StopEntity.Instance));
        });
    }
}
