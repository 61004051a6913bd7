using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Engine.Tests;

public static class Emulators
{
    public const string Token = "engine-test-token-0b7e";

    /// <summary>A Cartona emulator whose catalog has internal ids 1..count.</summary>
    public static async Task<CartonaEmulator> CartonaAsync(int count = 100, double requestsPerSecond = 50, int burst = 20)
    {
        var emulator = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions
        {
            Tokens = new HashSet<string> { Token },
            RequestsPerSecond = requestsPerSecond,
            Burst = burst,
            RecordRequestBodies = false,
        });
        emulator.Catalog.Seed(Enumerable.Range(1, count).Select(i => ((long)(500_000 + i), i.ToString())));
        return emulator;
    }
}
