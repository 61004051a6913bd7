namespace CartonaActors.Sandbox.Hosting;

/// <summary>Tells a test's observers (benchmark probes) what an emulator applied.</summary>
internal static class Observers
{
    /// <summary>Each item to each handler; a faulty observer must not change what the emulator answers.</summary>
    public static void Notify<T>(Action<T>? handlers, IEnumerable<T> items)
    {
        if (handlers is null) return;
        foreach (var item in items)
        {
            try
            {
                handlers(item);
            }
            catch (Exception)
            {
                // Swallowed on purpose: see above.
            }
        }
    }
}
