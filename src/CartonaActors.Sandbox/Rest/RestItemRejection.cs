namespace CartonaActors.Sandbox.Rest;

/// <summary>A per-item error scripted through <see cref="RestFaults.RejectItem"/>.</summary>
public sealed record RestItemRejection(string ExternalId, string Code, string Message);
