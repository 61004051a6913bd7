namespace CartonaActors.Sandbox.Amazon.Api;

/// <summary>Work that happens a real-time delay after a request (ACCEPTED patches becoming visible, feed steps), stopped
/// with the emulator so nothing runs against a disposed one.</summary>
internal sealed class Later : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly HashSet<Task> _running = [];

    public void Run(TimeSpan delay, Action work)
    {
        Task task = null!;
        task = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, _stop.Token);
                work();
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                // Stopped with the emulator (a step scheduled while it was stopping finds the source disposed).
            }
            finally
            {
                lock (_gate) _running.Remove(task);
            }
        });
        lock (_gate) if (!task.IsCompleted) _running.Add(task);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Task[] tasks;
        lock (_gate) tasks = _running.ToArray();
        await Task.WhenAll(tasks);
        _stop.Dispose();
    }
}
