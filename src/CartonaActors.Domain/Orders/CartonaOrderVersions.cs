namespace CartonaActors.Domain.Orders;

/// <summary>Whether a pulled order is a new version or the same one again (not yet acknowledged, or the ack was lost).</summary>
public static class CartonaOrderVersions
{
    public static bool Same(CartonaOrder a, CartonaOrder b) =>
        a.Status == b.Status && a.DeliveredBy == b.DeliveredBy && a.Retailer == b.Retailer
        && a.Details.Count == b.Details.Count && a.Details.SequenceEqual(b.Details);
}
