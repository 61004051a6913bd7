namespace CartonaActors.Domain.Orders;

/// <summary>
/// Order calls and bulk pushes share one connection's rate budget. When both wait they take turns, so a backlog
/// of order calls after an outage cannot hold every price and stock change back, nor a catalog-wide push hold
/// back acknowledgements and status changes.
/// </summary>
public sealed class CallTurns
{
    private bool _lastWasOrderCall;

    public bool OrderCallNext(bool orderCallsWaiting, bool pushesWaiting) =>
        orderCallsWaiting && (!pushesWaiting || !_lastWasOrderCall);

    /// <summary>Records what was sent (a call not sent, e.g. for want of budget, does not take a turn).</summary>
    public void Sent(bool orderCall) => _lastWasOrderCall = orderCall;
}
