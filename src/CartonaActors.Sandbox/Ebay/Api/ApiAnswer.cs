namespace CartonaActors.Sandbox.Ebay.Api;

/// <summary>What an endpoint answers: status, JSON body, and the Location header for a created resource.</summary>
internal sealed record ApiAnswer(int Status, string Json)
{
    public string? Location { get; init; }
}
