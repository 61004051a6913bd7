using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Pushes;

/// <summary>A product asks its slice of a connection to show these values (or, with a null ref, to stop
/// listing it). Answered with <see cref="PushOfferStored"/> once durable. <see cref="Origin"/> is memory only: the
/// slice keeps it beside the entry, never in its events.</summary>
public sealed record OfferPush(string SliceId, string ProductId, long Version, ListingRef? Ref, PushedValues? Values, ChangeOrigin? Origin = null)
    : IWithSliceId, IWireSerializable;

/// <summary>The slice holds the product's offer at this version (or a newer one) durably.</summary>
public sealed record PushOfferStored(string ProductId, string ConnectionId, long Version) : IWithProductId, IWireSerializable;

/// <summary>The marketplace entity asks a slice for up to <see cref="Max"/> products to send.</summary>
public sealed record TakePushes(string SliceId, int Max) : IWithSliceId, IWireSerializable;

/// <summary>Products handed to the marketplace entity; <see cref="Waiting"/> more are sendable in the slice.</summary>
public sealed record PushesTaken(string SliceId, IReadOnlyList<PushItem> Items, int Waiting) : IWireSerializable;

/// <summary>A slice has sendable products (sent when that number changes after a write).</summary>
public sealed record PushesWaiting(string ConnectionId, string SliceId, int Waiting) : IWithConnectionId, IWireSerializable;

/// <summary>How a bulk call ended for the slice's products; requeued ones are not listed (the marketplace
/// entity sends them again itself).</summary>
public sealed record SettlePushes(string SliceId, IReadOnlyList<PushItem> Confirmed, IReadOnlyList<RejectedItem> Refused)
    : IWithSliceId, IWireSerializable;

public sealed record RejectedItem(PushItem Item, string Reason);

/// <summary>The marketplace entity (re)started with nothing in flight: whatever it was handed is sendable again.</summary>
public sealed record ReleaseHandedPushes(string SliceId) : IWithSliceId, IWireSerializable;

/// <summary>"Sync all" for one slice; answered with <see cref="PushSliceResyncStarted"/>.</summary>
/// <param name="ProductId">Only this product (a re-push of one); null: every product of the slice.</param>
public sealed record ResyncPushSlice(string SliceId, string? ProductId = null) : IWithSliceId, IWireSerializable;

public sealed record PushSliceResyncStarted(string SliceId, int Entries) : IWireSerializable;

/// <summary>Start a slice (and so load its state) before anything needs it.</summary>
public sealed record StartPushSlice(string SliceId) : IWithSliceId, IWireSerializable;

/// <summary>What one slice knows of one product; answered with <see cref="PushEntryView"/>.</summary>
public sealed record GetPushEntry(string SliceId, string ProductId) : IWithSliceId, IWireSerializable;

public sealed record PushEntryView(
    string ProductId,
    string ConnectionId,
    bool Known,
    ListingRef? Ref,
    long WantedVersion,
    PushedValues? Wanted,
    long ConfirmedVersion,
    PushedValues? Confirmed,
    long RefusedVersion,
    string? Refusal,
    bool InFlight) : IWireSerializable
{
    public bool Pending => Ref is not null && WantedVersion > RefusedVersion
        && (WantedVersion > ConfirmedVersion || (WantedVersion == ConfirmedVersion && !Equals(Wanted, Confirmed)));
}
