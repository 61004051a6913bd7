namespace CartonaActors.Marketplaces;

/// <summary>
/// A platform's webhook deliveries for one connection, checked before anything is done with them. A webhook is a
/// doorbell here: it says that orders changed, and the orders are then read through the platform's own API, the
/// same way a poll reads them. So a duplicated, late or out-of-order delivery can do no harm, and one reader
/// decides what an order is.
/// </summary>
public interface IMarketplaceWebhooks
{
    /// <param name="header">The delivery's header by name (case-insensitive), or null.</param>
    /// <param name="body">The raw body, exactly as received: the signature is over these bytes.</param>
    WebhookVerdict Check(Func<string, string?> header, ReadOnlySpan<byte> body);
}

/// <summary>What a webhook delivery is.</summary>
public abstract record WebhookVerdict
{
    private WebhookVerdict() { }

    /// <summary>Not signed with the connection's secret (or not signed at all): refused, nothing done.</summary>
    public sealed record Forged(string Reason) : WebhookVerdict;

    /// <summary>A delivery already taken (the platform delivers at least once).</summary>
    public sealed record Duplicate(string DeliveryId) : WebhookVerdict;

    /// <summary>The connection's orders changed: pull them now.</summary>
    public sealed record OrdersChanged(string Topic, string DeliveryId) : WebhookVerdict;

    /// <summary>Genuine, but about nothing this service follows.</summary>
    public sealed record Ignored(string Topic) : WebhookVerdict;
}
