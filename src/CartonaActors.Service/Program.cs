using CartonaActors.Engine.Hosting;
using CartonaActors.Service;
using CartonaActors.Service.Admin;
using Serilog;

if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync(args[1]);

WebApplication app;
try
{
    app = await ServiceHost.BuildAsync(args);
}
catch (Exception refused) when (refused is ClusterConfigurationException or AdminTokenRequiredException)
{
    // A configuration that cannot work as a cluster or would expose the admin API: one line naming the keys,
    // no stack trace, a failed exit.
    Log.Fatal("Refusing to start: {Reason}", refused.Message);
    await Log.CloseAndFlushAsync();
    return 2;
}
await app.RunAsync();
return 0;

/// <summary>Exposed so tests can reach the assembly; the host itself is <see cref="ServiceHost"/>.</summary>
public partial class Program;
