using System.Globalization;
using System.Runtime.InteropServices;
using CartonaActors.Sandbox.Cartona;

// The sandbox Cartona marketplace on 127.0.0.1, shared by every node of a local cluster (an embedded sandbox per
// node would be one marketplace per node). Usage: CartonaActors.Sandbox.Host [port] [products];
// the token the nodes must send comes in CARTONA_SANDBOX_TOKEN, never on the command line.
var port = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5081;
var products = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var token = Environment.GetEnvironmentVariable("CARTONA_SANDBOX_TOKEN");
if (string.IsNullOrWhiteSpace(token))
{
    Console.Error.WriteLine("CARTONA_SANDBOX_TOKEN is not set: the token the service nodes authenticate with");
    return 2;
}

await using var emulator = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions
{
    Port = port, Tokens = new HashSet<string>(StringComparer.Ordinal) { token }, RecordRequestBodies = false,
});
// The same seed as the service's embedded sandbox: internal_product_id 1..N, supplier_product_id 100001..
emulator.Catalog.Seed(Enumerable.Range(1, products).Select(i => ((long)(100000 + i), i.ToString(CultureInfo.InvariantCulture))));
Console.WriteLine($"sandbox Cartona at {emulator.BaseUrl} with {products} products (internal_product_id 1..{products})");

var stop = new TaskCompletionSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
await stop.Task;
Console.WriteLine("sandbox Cartona stopped");
return 0;
