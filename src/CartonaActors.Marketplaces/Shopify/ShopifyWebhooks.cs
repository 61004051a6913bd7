using System.Security.Cryptography;
using System.Text;

namespace CartonaActors.Marketplaces.Shopify;

/// <summary>
/// Shopify's webhook deliveries: <c>X-Shopify-Hmac-SHA256</c> is the base64 HMAC-SHA256 of the raw body keyed with
/// the app's client secret, compared in constant time; <c>X-Shopify-Webhook-Id</c> is the same on every retry
/// of a delivery, so the ids taken recently are remembered (on this node; a duplicate that reaches another node
/// costs one more read of the orders, nothing else).
/// </summary>
internal sealed class ShopifyWebhooks(string secret) : IMarketplaceWebhooks
{
    private const int Remembered = 10_000;

    private static readonly HashSet<string> OrderTopics = new(StringComparer.Ordinal)
    {
        "orders/create", "orders/updated", "orders/cancelled", "orders/fulfilled", "orders/partially_fulfilled",
        "orders/paid", "orders/edited", "orders/delete",
    };

    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);
    private readonly Lock _lock = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public WebhookVerdict Check(Func<string, string?> header, ReadOnlySpan<byte> body)
    {
        var signature = header("X-Shopify-Hmac-SHA256");
        if (string.IsNullOrWhiteSpace(signature)) return new WebhookVerdict.Forged("no X-Shopify-Hmac-SHA256 header");
        var presented = new byte[32];
        if (!Convert.TryFromBase64String(signature.Trim(), presented, out var length) || length != 32)
            return new WebhookVerdict.Forged("X-Shopify-Hmac-SHA256 is not a base64 SHA-256 digest");
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, body), presented))
            return new WebhookVerdict.Forged("X-Shopify-Hmac-SHA256 does not match the body signed with the client secret");
        var topic = header("X-Shopify-Topic") ?? "";
        var id = header("X-Shopify-Webhook-Id") ?? header("X-Shopify-Event-Id");
        if (id is not null && !Remember(id)) return new WebhookVerdict.Duplicate(id);
        return OrderTopics.Contains(topic) ? new WebhookVerdict.OrdersChanged(topic, id ?? "") : new WebhookVerdict.Ignored(topic);
    }

    private bool Remember(string id)
    {
        lock (_lock)
        {
            if (!_seen.Add(id)) return false;
            _order.Enqueue(id);
            if (_order.Count > Remembered) _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}
