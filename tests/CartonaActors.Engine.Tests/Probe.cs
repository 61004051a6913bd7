namespace CartonaActors.Engine.Tests;

/// <summary>Polls a condition outside an actor system (between two nodes' lifetimes).</summary>
public static class Probe
{
    public static Task UntilAsync(Func<bool> condition, TimeSpan within) => UntilAsync(() => Task.FromResult(condition()), within);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"condition not met within {within}");
            await Task.Delay(50);
        }
    }
}
