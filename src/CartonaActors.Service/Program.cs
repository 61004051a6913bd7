using CartonaActors.Service;

if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync(args[1]);

var app = await ServiceHost.BuildAsync(args);
await app.RunAsync();
return 0;

/// <summary>Exposed so tests can reach the assembly; the host itself is <see cref="ServiceHost"/>.</summary>
public partial class Program;
