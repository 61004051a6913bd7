namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// Where an order sits in the feed: (updated_at, id), the order <c>GET v1/orders</c> pages in. The id breaks
/// ties, so two orders sharing a timestamp still have a definite order a cursor can continue from.
/// </summary>
internal readonly record struct OrderPosition(DateTimeOffset UpdatedAt, string Id)
{
    public static readonly IComparer<OrderPosition> Comparer = Comparer<OrderPosition>.Create(Compare);

    public static int Compare(OrderPosition a, OrderPosition b)
    {
        var byTime = a.UpdatedAt.UtcTicks.CompareTo(b.UpdatedAt.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
    }
}
