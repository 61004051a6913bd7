using CartonaActors.Marketplaces.Cartona;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Marketplaces.Tests.Cartona;

/// <summary>A running emulator and a CartonaClient connected to it over loopback.</summary>
internal sealed class ClientScope : IAsyncDisposable
{
    /// <summary>Distinctive so a leak into any message is unmistakable.</summary>
    public const string Token = "tok-ZQX9-very-secret-7f3a";

    private ClientScope(CartonaEmulator emulator, CartonaClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public CartonaEmulator Emulator { get; }
    public CartonaClient Client { get; }

    public static async Task<ClientScope> StartAsync(
        Action<CartonaEmulatorOptions>? emulator = null, Action<ConnectionSettings>? connection = null)
    {
        var options = new CartonaEmulatorOptions
        {
            Tokens = new HashSet<string> { Token },
            RequestsPerSecond = 1000,
            Burst = 1000,
        };
        emulator?.Invoke(options);
        var running = await CartonaEmulator.StartAsync(options);
        var settings = Settings(running.BaseUrl);
        connection?.Invoke(settings);
        return new ClientScope(running, new CartonaClient(settings));
    }

    public static ConnectionSettings Settings(string baseUrl) => new()
    {
        Name = "cartona-test",
        BaseUrl = baseUrl,
        Token = Token,
        Timeout = TimeSpan.FromSeconds(10),
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
