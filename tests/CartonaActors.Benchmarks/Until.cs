using System.Diagnostics;

namespace CartonaActors.Benchmarks;

/// <summary>Waits on the service's own account of its work.</summary>
public static class Until
{
    /// <summary>Until the connection has nothing waiting or in flight; false on timeout.</summary>
    public static async Task<bool> QuietAsync(ServiceApi api, TimeSpan within)
    {
        var started = Stopwatch.GetTimestamp();
        while ((await api.ConnectionAsync(BenchWorld.Connection)).Pending > 0)
        {
            if (Stopwatch.GetElapsedTime(started) > within) return false;
            await Task.Delay(250);
        }
        return true;
    }
}
