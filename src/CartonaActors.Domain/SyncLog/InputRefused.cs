using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.SyncLog;

/// <summary>
/// A request the service refused (a bad product change, a webhook without its secret, a body too large). Told to
/// the refusal recorder fire-and-forget and journaled as is, so the refusal shows in the cluster's sync log.
/// <see cref="Subject"/> is the product the request named, when it named one; <see cref="Reason"/> is already
/// free of secrets (it is the text the sender was answered).
/// </summary>
public sealed record InputRefused(string? Subject, string Reason, DateTimeOffset At) : IWireSerializable
{
    /// <summary>A hostile request can name anything: what is kept of it is bounded.</summary>
    public const int MaxSubject = 200;
    public const int MaxReason = 1_000;

    public static InputRefused Of(string? subject, string reason, DateTimeOffset at) =>
        new(subject is { Length: > MaxSubject } ? subject[..MaxSubject] : subject, reason.Length > MaxReason ? reason[..MaxReason] + "…" : reason, at);
}
