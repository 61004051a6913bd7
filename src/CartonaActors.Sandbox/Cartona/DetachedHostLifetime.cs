using Microsoft.Extensions.Hosting;

namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// Keeps the emulator's web host from hooking Ctrl+C and SIGTERM: it lives inside another process (a test
/// run or the service) whose own host owns those signals.
/// </summary>
internal sealed class DetachedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
