using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Pushes;

/// <summary>
/// One group write of a push slice: what marketplaces confirmed or refused since the last write, then the
/// values products asked for. Applied in that order, so a confirmation refers to the wanted values before this
/// write. One event per group keeps the journal at a few events per bulk call however many products move.
/// </summary>
public sealed record PushSliceUpdated(
    string SliceId,
    IReadOnlyList<ConfirmedPush> Confirmed,
    IReadOnlyList<RefusedPush> Refused,
    IReadOnlyList<WantedPush> Wanted) : IWithSliceId, IWireSerializable;

/// <summary>A product's values for the slice's connection at a product version. Null <see cref="Ref"/>: the
/// product is no longer listed there (kept as a tombstone so a late older offer cannot list it again).</summary>
public sealed record WantedPush(string ProductId, long Version, ListingRef? Ref, PushedValues? Values);

/// <summary>The marketplace confirmed the product at <see cref="Version"/>. <see cref="Values"/> is null when they
/// are the wanted values at that version (the usual case), so a group of confirmations stays small.</summary>
public sealed record ConfirmedPush(string ProductId, long Version, PushedValues? Values);

public sealed record RefusedPush(string ProductId, long Version, string Reason);

/// <summary>"Sync all": every listed product of the slice is to be sent again, refused ones included.</summary>
/// <param name="ProductId">One product to send again (an operator's re-push); absent: every product of the slice.</param>
public sealed record PushSliceResyncRequested(string SliceId, int Entries, DateTimeOffset At, string? ProductId = null) : IWithSliceId, IWireSerializable;

/// <summary>A slice's whole state, compact: one row per product.</summary>
public sealed record PushSliceSnapshot(IReadOnlyList<PushSliceRow> Rows) : IWireSerializable;

public sealed record PushSliceRow(
    string ProductId,
    ListingRef? Ref,
    long WantedVersion,
    PushedValues? Wanted,
    long ConfirmedVersion,
    PushedValues? Confirmed,
    long RefusedVersion,
    string? Refusal,
    bool Closing = false,
    bool Withdrawn = false);

/// <summary>Read back from the marketplace, these confirmed products show something else (or are not listed at
/// all): what it confirmed is no longer true, so they are sent again.</summary>
public sealed record PushesDrifted(string SliceId, IReadOnlyList<DriftedPush> Drifted, DateTimeOffset At) : IWithSliceId, IWireSerializable;

/// <summary>What the marketplace showed for a product confirmed at <see cref="Version"/>; null: not listed.</summary>
public sealed record DriftedPush(string ProductId, long Version, PushedValues? Shown);
