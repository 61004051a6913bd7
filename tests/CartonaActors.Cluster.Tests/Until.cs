namespace CartonaActors.Cluster.Tests;

/// <summary>Polls a condition with a deadline (never a bare sleep).</summary>
public static class Until
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what}: not reached within {within}");
            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan within, string what) =>
        TrueAsync(() => Task.FromResult(condition()), within, what);
}
