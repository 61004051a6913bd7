namespace CartonaActors.Service.Tests;

/// <summary>Polls a condition that another process (the service, an emulator) makes true, with a deadline.</summary>
public static class Until
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what} not reached within {within}");
            await Task.Delay(100);
        }
    }
}
