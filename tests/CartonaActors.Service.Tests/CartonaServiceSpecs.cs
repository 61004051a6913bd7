using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Service.Tests;

/// <summary>Specs against the real service with one connection "cartona" to a fresh emulator holding product "1",
/// both started for each test (xunit makes one instance per test).</summary>
public abstract class CartonaServiceSpecs(string token) : IAsyncLifetime
{
    protected CartonaEmulator Cartona { get; private set; } = null!;
    protected TestService Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Tokens = new HashSet<string> { token } });
        Cartona.Catalog.Seed([(1L, "1")]);
        Service = await TestService.StartAsync(TestService.Settings(Cartona, token), Customize);
    }

    /// <summary>More for the host before it is built (a trace exporter); nothing by default.</summary>
    protected virtual Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? Customize => null;

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Cartona.DisposeAsync();
    }
}
