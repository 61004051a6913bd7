using CartonaActors.Sandbox.Shopify.GraphQL;

namespace CartonaActors.Sandbox.Shopify.Schema;

/// <summary>What a resolver may need besides its parent: the shop's state (already locked by the caller), the
/// faults and counters, the idempotency ledger, the request's now and API version, the app asking, and the
/// errors raised while answering (field errors do not stop the document).</summary>
internal sealed class GqlContext(State.ShopState shop, ShopifyFaults faults, ShopifyCounters counters,
    State.IdempotencyLedger ledger, string apiVersion, string requesterKey)
{
    public State.ShopState Shop { get; } = shop;
    public ShopifyFaults Faults { get; } = faults;
    public ShopifyCounters Counters { get; } = counters;
    public State.IdempotencyLedger Ledger { get; } = ledger;
    public DateTimeOffset Now { get; } = shop.Now();
    public string ApiVersion { get; } = apiVersion;

    /// <summary>Whose idempotency keys these are: the app the token belongs to.</summary>
    public string RequesterKey { get; } = requesterKey;

    /// <summary>From 2026-04 inventory mutations need @idempotent and every row's changeFromQuantity.</summary>
    public bool StrictInventory => string.CompareOrdinal(ApiVersion, "2026-04") >= 0;

    public List<GqlError> Errors { get; } = [];

    /// <summary>Set by a mutation resolver to classify the answer in the call log (e.g. "stale", "replayed").</summary>
    public string? Outcome { get; set; }
}
