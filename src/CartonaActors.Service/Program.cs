using CartonaActors.Service;

var app = await ServiceHost.BuildAsync(args);
await app.RunAsync();

/// <summary>Exposed so tests can reach the assembly; the host itself is <see cref="ServiceHost"/>.</summary>
public partial class Program;
