namespace CartonaActors.Domain.Products;

/// <summary>
/// Where the values on their way to a marketplace come from: when the product accepted the oldest change they
/// carry, and that change's W3C trace context. Memory only (it rides on the messages between a product, its push
/// slice and the marketplace entity, never in a journal): it feeds the change-to-confirm latency and links the
/// bulk call's trace span to the changes it carries. Lost with a restart, which costs an observation, nothing else.
/// </summary>
/// <param name="Version">The product version the origin was last offered at.</param>
/// <param name="TraceParent">The accepting span's W3C <c>traceparent</c>; null when nobody traced it.</param>
public sealed record ChangeOrigin(long Version, DateTimeOffset AcceptedAt, string? TraceParent)
{
    /// <summary>A newer offer of the same product: the older accept time (and its trace) still waits for a
    /// confirmation, now at the newer version.</summary>
    public ChangeOrigin FollowedBy(ChangeOrigin? newer) =>
        newer is null || newer.Version <= Version ? this : this with { Version = newer.Version };
}
