using CartonaActors.Domain.Orders;
using CartonaActors.Marketplaces.Cartona;

namespace CartonaActors.Marketplaces.Tests.Cartona;

/// <summary>The three order endpoints by name, so outcome tests can run against each.</summary>
internal static class OrderCalls
{
    public const string Pull = "pull";
    public const string Status = "status";
    public const string Details = "details";

    public static TheoryData<string> All => new() { Pull, Status, Details };

    public static async Task<CallOutcome> CallAsync(this CartonaClient client, string endpoint, CancellationToken ct = default) =>
        endpoint switch
        {
            Pull => (await client.PullOrdersAsync(new OrderPageRequest(1, 100, null, null), ct)).Outcome,
            Status => await client.UpdateOrderStatusAsync("A", new OrderStatusUpdate("approved"), ct),
            Details => await client.UpdateOrderLinesAsync("A", [new OrderLineChange(1, null, 2m, null)], ct),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };

    public static string ReasonOf(CallOutcome outcome) => outcome switch
    {
        CallOutcome.TransientFailure f => f.Reason,
        CallOutcome.AuthenticationFailed f => f.Reason,
        CallOutcome.Refused f => f.Reason,
        _ => outcome.ToString()!,
    };
}
