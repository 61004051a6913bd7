namespace CartonaActors.Engine;

/// <summary>Sent by an entity's shard to stop it (passivation or hand-off). Unlike PoisonPill it is handled
/// after anything the persistent actor has stashed, so no command is lost (akka.net #7090).</summary>
public sealed class StopEntity
{
    public static readonly StopEntity Instance = new();
    private StopEntity() { }
}
