using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Pushes;

/// <summary>A bulk call's confirmations and refusals, one message per push slice they belong to.</summary>
public static class SliceSettlements
{
    public static IReadOnlyList<SettlePushes> Of(string connectionId, PushVerdict verdict, int slices)
    {
        var confirmed = verdict.Confirmed.ToLookup(i => PushSliceIds.Of(connectionId, i.ProductId, slices));
        var refused = verdict.Rejected.Select(r => new RejectedItem(r.Item, r.Reason))
            .ToLookup(r => PushSliceIds.Of(connectionId, r.Item.ProductId, slices));
        return confirmed.Select(g => g.Key).Union(refused.Select(g => g.Key))
            .Select(sliceId => new SettlePushes(sliceId, confirmed[sliceId].ToList(), refused[sliceId].ToList()))
            .ToList();
    }
}
