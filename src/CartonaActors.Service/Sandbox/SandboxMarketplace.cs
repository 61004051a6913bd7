using System.Security.Cryptography;
using CartonaActors.Engine.Configuration;
using CartonaActors.Marketplaces;
using CartonaActors.Sandbox.Cartona;
using Serilog;

namespace CartonaActors.Service.Sandbox;

/// <summary>
/// The embedded default: with no marketplace configured, run the Cartona emulator in-process on loopback and
/// connect to it, so the service does something visible with nothing else installed. Never used when a real
/// connection is configured.
/// </summary>
public static class SandboxMarketplace
{
    public const string ConnectionName = "sandbox";

    public static async Task<CartonaEmulator?> StartIfNoneConfiguredAsync(CartonaActorsOptions options, IConfiguration configuration)
    {
        if (options.Connections.Count > 0) return null;
        var port = configuration.GetValue("CartonaActors:Sandbox:Port", 5081);
        var seed = configuration.GetValue("CartonaActors:Sandbox:SeedProducts", 1000);
        // A fresh random token per run: the sandbox proves the auth path without a secret in code.
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var emulator = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Port = port, Tokens = new HashSet<string> { token } });
        emulator.Catalog.Seed(Enumerable.Range(1, seed).Select(i => ((long)(100000 + i), i.ToString())));
        options.Connections.Add(new ConnectionSettings
        {
            Name = ConnectionName,
            Platform = "cartona",
            BaseUrl = emulator.BaseUrl,
            Token = token,
        });
        Log.Information("No marketplace configured: sandbox Cartona running at {SandboxUrl} with {Products} products (internal_product_id 1..{Products})",
            emulator.BaseUrl, seed, seed);
        return emulator;
    }
}

/// <summary>The running sandbox, if any, for the endpoints that show what it holds.</summary>
public sealed record SandboxHandle(CartonaEmulator? Emulator);
