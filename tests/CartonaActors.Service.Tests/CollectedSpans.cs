using System.Diagnostics;

namespace CartonaActors.Service.Tests;

/// <summary>Reading what an in-memory trace exporter collected while the service still adds to it.</summary>
public static class CollectedSpans
{
    /// <summary>A copy: the exporter adds to the list from the threads that end spans.</summary>
    public static List<Activity> Snapshot(List<Activity> spans)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return [.. spans];
            }
            catch (ArgumentException) when (attempt < 5)
            {
            }
        }
    }
}
