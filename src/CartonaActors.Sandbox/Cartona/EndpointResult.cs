namespace CartonaActors.Sandbox.Cartona;

/// <summary>What one emulated endpoint answers, before it is written to the wire.</summary>
internal sealed record EndpointResult(int Status, string Json)
{
    /// <summary>Rows the endpoint applied, announced through <see cref="CartonaEmulator.ItemApplied"/>.</summary>
    public IReadOnlyList<AppliedItem> Applied { get; init; } = [];

    public static EndpointResult Error(int status, string message) =>
        new(status, JsonText.Object(("error", message)));
}
