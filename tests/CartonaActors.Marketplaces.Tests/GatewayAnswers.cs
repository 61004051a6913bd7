namespace CartonaActors.Marketplaces.Tests;

/// <summary>
/// What a proxy, load balancer or maintenance page in front of a platform answers: a 400/404 without the
/// platform's own error body. Shared so every client is held to the same list.
/// </summary>
public static class GatewayAnswers
{
    public static TheoryData<int, string> WithoutThePlatformsErrorBody => new()
    {
        { 400, "<html><body><h1>400 Bad Request</h1>nginx</body></html>" },
        { 404, "<!DOCTYPE html><html><body>Down for maintenance</body></html>" },
        { 400, "" },
        { 404, "" },
        { 404, "Not Found" },
    };
}
