using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces.Tests.Cartona;

/// <summary>Delivered holds a list, so record equality cannot compare it; assert its parts instead.</summary>
internal static class Outcomes
{
    public static void AssertCleanDelivery(CallOutcome outcome, bool verified)
    {
        var delivered = Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.Empty(delivered.Rejected);
        Assert.Equal(verified, delivered.Verified);
    }
}
