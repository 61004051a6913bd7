namespace CartonaActors.Cluster.Tests;

/// <summary>The Odoo emulator's clock, moved back to give writes a write_date the poller's window no longer
/// covers (as a long transaction's start time can be): such a change reaches the service by webhook only.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
