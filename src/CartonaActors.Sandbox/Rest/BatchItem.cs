namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// One item of a batch as read from the wire. Reading never throws: whatever is wrong with the item is kept in
/// <see cref="Problems"/> and answered as that item's <c>invalid_value</c>, so one bad item cannot sink the batch.
/// </summary>
/// <param name="ExternalId">Null when missing or not a string.</param>
/// <param name="Version">Meaningful only when <see cref="Problems"/> is empty.</param>
internal abstract record BatchItem(string? ExternalId, long Version, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>One per-item error: <c>{"code":..., "message":...}</c>.</summary>
internal sealed record ItemError(string Code, string Message)
{
    public const string UnknownProduct = "unknown_product";
    public const string InvalidValue = "invalid_value";
}
