using Akka.Actor;
using CartonaActors.Engine.Orders;

namespace CartonaActors.Service.Api;

/// <summary>Copies order problems from the node's event stream into the sync log.</summary>
public sealed class OrderIssueListener : ReceiveActor
{
    public static Props PropsFor(NodeSyncLog log) => Props.Create(() => new OrderIssueListener(log));

    public OrderIssueListener(NodeSyncLog log)
    {
        Receive<OrderIssue>(i => log.Record(i.Issue with { ProductId = i.OrderId }));
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(OrderIssue));
}
