namespace CartonaActors.Service;

/// <summary>
/// <c>dotnet CartonaActors.Service.dll --probe http://127.0.0.1:5080/healthz/live</c>: one GET, exit code 0 on a
/// 2xx answer and 1 otherwise. The ASP.NET runtime image has neither curl nor wget, so the container's
/// HEALTHCHECK uses the runtime it already ships; nothing else of the service starts in this mode.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--probe";

    public static bool IsRequested(string[] args) => args is [Flag, _];

    public static async Task<int> RunAsync(string url, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            Console.WriteLine($"{url}: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }
}
